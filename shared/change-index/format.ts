import {createHash} from 'node:crypto';
import {InputError} from '../model/errors.js';
import {DIGEST_RE, MAX_TAG_LENGTH, TAG_RE} from '../model/grammar.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {type RepositoryName, parseReference} from '../model/reference.js';
import {isMapping} from '../model/structured-input.js';

/**
 * The change index: one small OCI artifact per change in the intermediate registry, listing for
 * each final `repository:tag` the staged image (reference + digest) and what it was built from.
 * Upload writes it, promote and the buildset registry read it. Schema: ./schema.json.
 */
export const CHANGE_INDEX_VERSION = 1;
export const CHANGE_INDEX_ARTIFACT_TYPE = 'application/vnd.imagegate.change.v1+json';
/** Repository (under the intermediate registry's path) that holds every change's index. */
export const CHANGE_INDEX_REPOSITORY = 'imagegate/changes';

/** One staged image of a change. */
export interface ChangeIndexEntry {
  /** Final repository, full name: `quay.io/org/app`. */
  readonly repository: string;
  /** Final tag. */
  readonly tag: string;
  /** Staged reference with tag, in the intermediate registry. */
  readonly staged: string;
  /** Digest of the staged manifest (what promote must publish). */
  readonly digest: string;
  readonly mediaType?: string;
  readonly revision?: string;
  readonly sourceTree?: string;
}

/** What a run built from: the index and each of its entries record it. */
export interface IndexSource {
  /** `git rev-parse HEAD` of the build (the revision label). */
  readonly revision?: string;
  /** `git rev-parse HEAD^{tree}` (the source-tree label). */
  readonly sourceTree?: string;
}

/**
 * The source fields of an index or an entry. Upload and the buildset post step both write these
 * from the same label facts, so promote sees one revision and tree whoever wrote the index.
 */
export function sourceFields(source: IndexSource): IndexSource {
  return {
    ...(source.revision && {revision: source.revision}),
    ...(source.sourceTree && {sourceTree: source.sourceTree})
  };
}

/** The index document of one change. */
export interface ChangeIndex {
  readonly version: typeof CHANGE_INDEX_VERSION;
  /** `owner/repo` of the change. */
  readonly repository: string;
  readonly change: number;
  readonly revision?: string;
  readonly sourceTree?: string;
  /** The run that wrote it (the latest successful upload replaces the index). */
  readonly run?: {readonly id: string; readonly attempt: string};
  readonly createdAt: string;
  readonly images: readonly ChangeIndexEntry[];
}

/** Identifies a change across repositories. */
export interface ChangeKey {
  readonly owner: string;
  readonly repo: string;
  readonly change: number;
}

/** Where a change's index lives: `<location>/imagegate/changes:<owner>.<repo>.pr-<N>`. */
export function changeIndexLocation(
  location: RegistryLocation,
  key: ChangeKey
): RepositoryName & {tag: string} {
  return {...changeIndexRepository(location), tag: changeIndexTag(key)};
}

/** The repository holding every change's index: `<location>/imagegate/changes`. */
export function changeIndexRepository(location: RegistryLocation): RepositoryName {
  const repository = [location.path, CHANGE_INDEX_REPOSITORY].filter(p => p !== '').join('/');
  return {registry: location.registry, repository};
}

/** `<owner>.<repo>.pr-<N>`; names too long for a tag keep a hash so they stay unique. */
export function changeIndexTag(key: ChangeKey): string {
  const suffix = `.pr-${key.change}`;
  let base = `${key.owner}.${key.repo}`.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (base.length + suffix.length > MAX_TAG_LENGTH) {
    const hash = createHash('sha256').update(base).digest('hex').slice(0, 12);
    base = `${base.slice(0, MAX_TAG_LENGTH - suffix.length - 13)}.${hash}`;
  }
  return `${base}${suffix}`;
}

/** Serialise an index: stable key order, so equal indexes have equal digests. */
export function encodeChangeIndex(index: ChangeIndex): Buffer {
  return Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8');
}

/** Parse and validate an index document; throws InputError naming the bad field. */
export function decodeChangeIndex(bytes: Buffer | string, where: string): ChangeIndex {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString());
  } catch (e) {
    throw new InputError(where, 'the change index is not valid JSON', {cause: e});
  }
  if (!isMapping(value)) throw new InputError(where, 'the change index is not a JSON object');
  if (value.version !== CHANGE_INDEX_VERSION) {
    throw new InputError(
      `${where}.version`,
      `unsupported change index version ${JSON.stringify(value.version)} (this imagegate reads ${CHANGE_INDEX_VERSION})`
    );
  }
  const str = (
    obj: Record<string, unknown>,
    key: string,
    at: string,
    optional = false
  ): string | undefined => {
    const v = obj[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v === '')
      throw new InputError(`${at}.${key}`, 'must be a non-empty string');
    return v;
  };
  if (typeof value.change !== 'number' || !Number.isInteger(value.change) || value.change < 1) {
    throw new InputError(`${where}.change`, 'must be a positive integer');
  }
  if (!Array.isArray(value.images)) throw new InputError(`${where}.images`, 'must be a list');
  const images = value.images.map((raw, i): ChangeIndexEntry => {
    const at = `${where}.images[${i}]`;
    if (!isMapping(raw)) throw new InputError(at, 'must be an object');
    const tag = str(raw, 'tag', at) as string;
    const digest = str(raw, 'digest', at) as string;
    if (!TAG_RE.test(tag)) throw new InputError(`${at}.tag`, `"${tag}" is not a valid tag`);
    if (!DIGEST_RE.test(digest))
      throw new InputError(`${at}.digest`, `"${digest}" is not a digest`);
    const staged = str(raw, 'staged', at) as string;
    parseReference(staged, `${at}.staged`);
    const repository = str(raw, 'repository', at) as string;
    parseReference(repository, `${at}.repository`);
    const optional = (key: string): Record<string, string> => {
      const v = str(raw, key, at, true);
      return v === undefined ? {} : {[key]: v};
    };
    return {
      repository,
      tag,
      staged,
      digest,
      ...optional('mediaType'),
      ...optional('revision'),
      ...optional('sourceTree')
    };
  });
  return {
    version: CHANGE_INDEX_VERSION,
    repository: str(value, 'repository', where) as string,
    change: value.change,
    ...(typeof value.revision === 'string' && {revision: value.revision}),
    ...(typeof value.sourceTree === 'string' && {sourceTree: value.sourceTree}),
    ...(isMapping(value.run) &&
      typeof value.run.id === 'string' &&
      typeof value.run.attempt === 'string' && {
        run: {id: value.run.id, attempt: value.run.attempt}
      }),
    createdAt: str(value, 'createdAt', where) as string,
    images
  };
}

/** The entry for a final `repository:tag`, if the change staged it. */
export function findStagedImage(
  index: ChangeIndex,
  repository: string,
  tag: string
): ChangeIndexEntry | undefined {
  const want = parseReference(repository);
  return index.images.find(e => {
    const have = parseReference(e.repository);
    return have.registry === want.registry && have.repository === want.repository && e.tag === tag;
  });
}
