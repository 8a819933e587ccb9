import {InputError} from '../model/errors.js';
import {DIGEST_RE, TAG_RE} from '../model/grammar.js';
import {isMapping} from '../model/structured-input.js';

/**
 * The staging record: when imagegate staged which tags of one repository. Registries without a
 * tag API (plain OCI distribution and most self-hosted ones) keep no time per tag, and an
 * image's `created` is its build date (1970 for reproducible builds), so upload writes this
 * small OCI artifact next to the tags it pushes. Cleanup ages a tag by the record that lists it
 * with the digest it still holds; a tag no record vouches for has an unknown age and is kept.
 */
export const STAGING_RECORD_VERSION = 1;
export const STAGING_RECORD_ARTIFACT_TYPE = 'application/vnd.imagegate.staging.v1+json';
/** Every record tag starts with this (imagegate's temporary tags never do). */
export const STAGING_RECORD_TAG_PREFIX = 'imagegate-staged-';

/** One staged tag and the digest it was given. */
export interface StagedTag {
  readonly tag: string;
  readonly digest: string;
}

export interface StagingRecord {
  readonly version: typeof STAGING_RECORD_VERSION;
  /** When the tags were pushed (ISO 8601). */
  readonly stagedAt: string;
  /** The run that staged them, for people reading the registry. */
  readonly run?: {readonly id: string; readonly attempt: string};
  readonly tags: readonly StagedTag[];
}

/**
 * `imagegate-staged-<yyyymmddThhmmssZ>-<run>-<attempt>-<nonce>`: unique per upload, so
 * concurrent uploads never overwrite each other's records.
 */
export function stagingRecordTag(record: StagingRecord, nonce: string): string {
  const time = record.stagedAt.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  const run = record.run ? `-${record.run.id}-${record.run.attempt}` : '';
  const safe = `${time}${run}-${nonce}`.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 100);
  return `${STAGING_RECORD_TAG_PREFIX}${safe}`;
}

/** Whether a tag is named like a staging record (its content decides whether it is one). */
export function isStagingRecordTag(tag: string): boolean {
  return tag.startsWith(STAGING_RECORD_TAG_PREFIX);
}

export function encodeStagingRecord(record: StagingRecord): Buffer {
  return Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
}

/** Parse and validate a record read from a registry; throws InputError naming the bad field. */
export function decodeStagingRecord(bytes: Buffer, where: string): StagingRecord {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new InputError(where, 'the staging record is not valid JSON', {cause: e});
  }
  if (!isMapping(value) || value.version !== STAGING_RECORD_VERSION) {
    throw new InputError(where, `not a version ${STAGING_RECORD_VERSION} staging record`);
  }
  const stagedAt = typeof value.stagedAt === 'string' ? new Date(value.stagedAt) : undefined;
  if (!stagedAt || Number.isNaN(stagedAt.getTime())) {
    throw new InputError(`${where}.stagedAt`, 'must be an ISO 8601 time');
  }
  if (!Array.isArray(value.tags)) throw new InputError(`${where}.tags`, 'must be a list');
  const tags = value.tags.map((raw, i): StagedTag => {
    const at = `${where}.tags[${i}]`;
    if (!isMapping(raw) || typeof raw.tag !== 'string' || !TAG_RE.test(raw.tag)) {
      throw new InputError(`${at}.tag`, 'must be a valid tag');
    }
    if (typeof raw.digest !== 'string' || !DIGEST_RE.test(raw.digest)) {
      throw new InputError(`${at}.digest`, 'must be a digest');
    }
    return {tag: raw.tag, digest: raw.digest};
  });
  const run = value.run;
  return {
    version: STAGING_RECORD_VERSION,
    stagedAt: stagedAt.toISOString(),
    ...(isMapping(run) &&
      typeof run.id === 'string' &&
      typeof run.attempt === 'string' && {run: {id: run.id, attempt: run.attempt}}),
    tags
  };
}

/** When `tag` was given `digest`: the newest record saying so; undefined when none does. */
export function stagedAt(
  records: readonly StagingRecord[],
  tag: string,
  digest: string
): Date | undefined {
  let newest: Date | undefined;
  for (const record of records) {
    if (!record.tags.some(t => t.tag === tag && t.digest === digest)) continue;
    const time = new Date(record.stagedAt);
    if (!newest || time > newest) newest = time;
  }
  return newest;
}
