import {type StepLog} from '../model/log.js';
import {randomBytes} from 'node:crypto';
import {errorMessage} from '../model/errors.js';
import {type RepositoryName, formatReference, parseReference} from '../model/reference.js';
import {type Registry} from '../registry/index.js';
import {Limiter} from '../registry/limiter.js';
import {
  STAGING_RECORD_ARTIFACT_TYPE,
  STAGING_RECORD_VERSION,
  type StagedTag,
  type StagingRecord,
  decodeStagingRecord,
  encodeStagingRecord,
  isStagingRecordTag,
  stagingRecordTag
} from './record.js';

// A record lists the tags of one upload in one repository: a few KiB at most.
const RECORD_LIMIT = 1024 * 1024;
// Records read at once from one repository.
const PARALLEL_READS = 8;

/** A record as found in a registry, under its tag. */
export interface FoundRecord {
  readonly tag: string;
  readonly record: StagingRecord;
}

/** Write a record into the repository it describes; returns its tag. */
export async function writeStagingRecord(
  registry: Registry,
  repository: RepositoryName,
  record: StagingRecord,
  nonce: string = randomBytes(3).toString('hex')
): Promise<string> {
  const tag = stagingRecordTag(record, nonce);
  await registry.putArtifact(
    {...repository, tag},
    {
      artifactType: STAGING_RECORD_ARTIFACT_TYPE,
      payload: encodeStagingRecord(record),
      annotations: {'org.opencontainers.image.created': record.stagedAt},
      // Written beside every staged tag: no blob upload of its own.
      inline: true
    }
  );
  return tag;
}

/**
 * The records among `tags` of a repository. A tag named like a record that holds something else
 * is not a record (it stays an ordinary tag); `onInvalid` hears about it.
 */
export async function readStagingRecords(
  registry: Registry,
  repository: RepositoryName,
  tags: readonly string[],
  onInvalid: (tag: string, reason: string) => void = () => undefined
): Promise<FoundRecord[]> {
  // Read in parallel (each is two round trips), kept in tag order.
  const limiter = new Limiter(PARALLEL_READS);
  const read = await Promise.all(
    tags.filter(isStagingRecordTag).map(tag =>
      limiter.run(async (): Promise<FoundRecord | {tag: string; invalid: string} | undefined> => {
        const ref = {...repository, tag};
        try {
          const payload = await registry.getArtifact(
            ref,
            STAGING_RECORD_ARTIFACT_TYPE,
            RECORD_LIMIT
          );
          return payload && {tag, record: decodeStagingRecord(payload, formatReference(ref))};
        } catch (e) {
          return {tag, invalid: errorMessage(e)};
        }
      })
    )
  );
  const found: FoundRecord[] = [];
  for (const entry of read) {
    if (entry && 'invalid' in entry) onInvalid(entry.tag, entry.invalid);
    else if (entry) found.push(entry);
  }
  return found;
}

/** One pushed temporary tag: its full reference and the digest the registry reported. */
export interface PushedTag {
  readonly ref: string;
  readonly digest: string;
}

/** Per repository: the record written, or why writing it failed. */
export interface RecordOutcome {
  readonly repository: string;
  readonly record?: string;
  readonly error?: string;
}

/**
 * After staging, write one record per repository listing what was pushed there, where the
 * registry's own API keeps no time per tag (Docker Hub, Quay and GHCR do). A failure is
 * reported, not thrown: the tags are staged; cleanup merely cannot age them and keeps them.
 */
export async function recordStagedTags(
  registry: Registry,
  pushes: readonly PushedTag[],
  stagedAt: Date,
  run?: {readonly id: string; readonly attempt: string}
): Promise<RecordOutcome[]> {
  const byRepository = new Map<string, {repository: RepositoryName; tags: StagedTag[]}>();
  for (const push of pushes) {
    const ref = parseReference(push.ref);
    if (ref.tag === undefined || registry.knowsTagTimes(ref.registry)) continue;
    const key = formatReference({registry: ref.registry, repository: ref.repository});
    const group = byRepository.get(key) ?? {repository: ref, tags: []};
    group.tags.push({tag: ref.tag, digest: push.digest});
    byRepository.set(key, group);
  }
  const outcomes: RecordOutcome[] = [];
  for (const [name, {repository, tags}] of byRepository) {
    const record: StagingRecord = {
      version: STAGING_RECORD_VERSION,
      stagedAt: stagedAt.toISOString(),
      ...(run && {run: {id: run.id, attempt: run.attempt}}),
      tags
    };
    try {
      const tag = await writeStagingRecord(
        registry,
        {registry: repository.registry, repository: repository.repository},
        record
      );
      outcomes.push({repository: name, record: tag});
    } catch (e) {
      outcomes.push({repository: name, error: errorMessage(e)});
    }
  }
  return outcomes;
}

/**
 * recordStagedTags, with every outcome in the step's log: a record written is an info line, a
 * failure a warning (cleanup keeps tags it cannot age until someone removes them).
 */
export async function recordAndLog(
  registry: Registry,
  pushes: readonly PushedTag[],
  stagedAt: Date,
  run: {readonly id: string; readonly attempt: string},
  log: StepLog
): Promise<void> {
  for (const outcome of await recordStagedTags(registry, pushes, stagedAt, run)) {
    if (outcome.error !== undefined) {
      log.warning(
        `could not record the staging time in ${outcome.repository} (cleanup will keep these tags until removed by hand): ${outcome.error}`
      );
    } else {
      log.info(`Recorded the staging time in ${outcome.repository}:${outcome.record}`);
    }
  }
}
