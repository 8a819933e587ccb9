import {errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {inOrderedGroups} from '../model/log-groups.js';
import {type RepositoryName, formatReference} from '../model/reference.js';
import {type Registry} from '../registry/index.js';
import {isStagingRecordTag, stagedAt} from '../staging/record.js';
import {type FoundRecord, readStagingRecords} from '../staging/store.js';

/** What selects cleanup candidates; only `test` is used, so any matcher engine fits. */
export interface TagMatcher {
  test(tag: string): boolean;
}

/** One repository to clean. */
export interface CleanupScope {
  readonly repository: RepositoryName;
  /** Final tags of the images being promoted: never candidates, nor any tag sharing their digest. */
  readonly finalTags: readonly string[];
  /** What final tags hold because this run has just written (or found) them: not read again. */
  readonly finalDigests?: ReadonlyMap<string, string>;
  readonly matcher: TagMatcher;
}

export interface CleanupOptions {
  readonly maxAgeMs: number;
  readonly now: () => Date;
  readonly log: StepLog;
}

/** What the janitor did in one repository. */
export interface CleanupResult {
  readonly repository: string;
  readonly deleted: readonly string[];
  /** Matching tags staged less than the age limit ago, or sharing a final tag's digest. */
  readonly kept: readonly string[];
  /** Matching tags whose staging time nothing records: kept, and listed in the summary. */
  readonly unknownAge: readonly string[];
  /** Staging records removed because no tag they list still holds its digest. */
  readonly records: readonly string[];
}

/**
 * Delete tags the matcher selects that were staged longer than `maxAgeMs` ago (every page of
 * the tag list). The staging time comes from the registry's own tag API where it has one
 * (Docker Hub, Quay, GHCR), else from the staging record upload wrote; a tag whose staging time
 * is unknown is kept, never aged by its image's build date. A tag left on an untag placeholder
 * is a deletion that did not finish and is finished. Failures are warnings: cleanup never fails
 * a promotion that already succeeded.
 */
export async function cleanupStaleTags(
  registry: Registry,
  scopes: readonly CleanupScope[],
  options: CleanupOptions
): Promise<CleanupResult[]> {
  // Repositories are cleaned in parallel; their lines come out in input order.
  const tasks = scopes.map(scope => ({
    run: (log: StepLog) => cleanRepository(registry, scope, {...options, log})
  }));
  const settled = await inOrderedGroups(options.log, tasks, PARALLEL_REPOSITORIES);
  return settled.flatMap((r, i) => {
    if (r.status === 'fulfilled') return [r.value];
    options.log.warning(
      `cleanup of ${formatReference(scopes[i].repository)} failed: ${errorMessage(r.reason)}`
    );
    return [];
  });
}

/** Repositories cleaned at once, and tags examined at once within one. */
const PARALLEL_REPOSITORIES = 8;
const PARALLEL_TAGS = 8;

/**
 * `fn` over `items`, at most PARALLEL_TAGS at once, each logging in its own buffer; the lines
 * reach `log` in item order, and the results come back in item order.
 */
async function eachInOrder<I, T>(
  log: StepLog,
  items: readonly I[],
  fn: (item: I, log: StepLog) => Promise<T>
): Promise<T[]> {
  const settled = await inOrderedGroups(
    log,
    items.map(item => ({run: (itemLog: StepLog) => fn(item, itemLog)})),
    PARALLEL_TAGS
  );
  return settled.map(r => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
}

async function cleanRepository(
  registry: Registry,
  scope: CleanupScope,
  options: CleanupOptions
): Promise<CleanupResult> {
  const {repository, matcher} = scope;
  const {log} = options;
  const name = formatReference(repository);
  const ref = (tag: string) => ({...repository, tag});
  const result = {
    repository: name,
    deleted: [] as string[],
    kept: [] as string[],
    unknownAge: [] as string[],
    records: [] as string[]
  };
  const finals = new Set(scope.finalTags);
  // The final tags are read beside the tag list (one round trip for both): a final tag that
  // does not exist simply protects nothing.
  const [tags, finalHeads] = await Promise.all([
    registry.listTags(repository),
    Promise.all(
      [...finals].map(t => {
        const known = scope.finalDigests?.get(t);
        return known !== undefined ? {digest: known} : registry.resolve(ref(t));
      })
    )
  ]);
  const protectedDigests = new Set(finalHeads.flatMap(h => (h ? [h.digest] : [])));
  const records = await readStagingRecords(registry, repository, tags, (tag, reason) =>
    log.info(`${name}:${tag} is not a staging record (${reason})`)
  );
  const recordTags = new Set(records.map(r => r.tag));
  /**
   * Delete `doomed` together (on a registry that cannot delete tags: one placeholder, one
   * DELETE); each deletion is logged with its reason, in order. Returns the tags deleted.
   */
  const removeAll = async (doomed: readonly {tag: string; why: string}[]): Promise<string[]> => {
    if (doomed.length === 0) return [];
    try {
      await registry.deleteTags(
        repository,
        doomed.map(d => d.tag)
      );
    } catch (e) {
      for (const {tag} of doomed)
        log.warning(`cleanup of ${name}:${tag} failed: ${errorMessage(e)}`);
      return [];
    }
    for (const {tag, why} of doomed) log.info(`deleted ${name}:${tag} (${why})`);
    return doomed.map(d => d.tag);
  };
  const interrupted = 'finishing a deletion that was interrupted';

  // A record tag left on a placeholder: the record's deletion did not finish.
  const leftovers = tags.filter(t => isStagingRecordTag(t) && !recordTags.has(t));
  const onPlaceholder = await eachInOrder(log, leftovers, async (tag, tagLog) => {
    try {
      return (await registry.inspect(ref(tag)))?.kind === 'placeholder';
    } catch (e) {
      tagLog.warning(`cleanup of ${name}:${tag} failed: ${errorMessage(e)}`);
      return false;
    }
  });
  result.records.push(
    ...(await removeAll(
      leftovers.filter((_, i) => onPlaceholder[i]).map(tag => ({tag, why: interrupted}))
    ))
  );

  // What each tag looked at holds now (undefined: gone), for the records' turn at the end.
  const holds = new Map<string, string | undefined>();
  type Verdict = {delete: string} | 'kept' | 'unknownAge' | 'none';
  // Tags are examined in parallel, then the stale ones deleted together, all in tag order.
  const candidates = tags.filter(t => matcher.test(t) && !finals.has(t) && !recordTags.has(t));
  const verdicts = await eachInOrder(log, candidates, async (tag, tagLog): Promise<Verdict> => {
    try {
      const content = await registry.inspect(ref(tag));
      holds.set(tag, content?.digest);
      if (!content) return 'none';
      if (content.kind === 'placeholder') return {delete: interrupted};
      if (protectedDigests.has(content.digest)) return 'kept';
      const staged = await stagingTime(registry, ref(tag), content.digest, records);
      if (!staged) return 'unknownAge';
      const ageMs = options.now().getTime() - staged.at.getTime();
      if (ageMs <= options.maxAgeMs) return 'kept';
      return {delete: `staged ${Math.round(ageMs / 3_600_000)} h ago, by ${staged.by}`};
    } catch (e) {
      tagLog.warning(`cleanup of ${name}:${tag} failed: ${errorMessage(e)}`);
      return 'none';
    }
  });
  const deleted = await removeAll(
    candidates.flatMap((tag, i) => {
      const verdict = verdicts[i];
      return typeof verdict === 'object' ? [{tag, why: verdict.delete}] : [];
    })
  );
  for (const tag of deleted) holds.set(tag, undefined);
  candidates.forEach((tag, i) => {
    const verdict = verdicts[i];
    if (typeof verdict === 'object') {
      if (deleted.includes(tag)) result.deleted.push(tag);
    } else if (verdict !== 'none') {
      result[verdict].push(tag);
    }
  });

  // Last, the records no tag of theirs vouches for any more (after every deletion above).
  const vouching = await eachInOrder(log, records, async (found, recordLog) => {
    try {
      return await stillVouches(registry, repository, found, holds);
    } catch (e) {
      recordLog.warning(`cleanup of ${name}:${found.tag} failed: ${errorMessage(e)}`);
      return true;
    }
  });
  result.records.push(
    ...(await removeAll(
      records
        .filter((_, i) => !vouching[i])
        .map(found => ({tag: found.tag, why: 'no tag it lists is staged any more'}))
    ))
  );
  if (result.unknownAge.length > 0) {
    log.info(
      `kept ${result.unknownAge.length} tag(s) of ${name} whose staging time is unknown: ${result.unknownAge.join(', ')}`
    );
  }
  return result;
}

/** When the tag got its digest: the registry's tag API, else a staging record. */
async function stagingTime(
  registry: Registry,
  ref: RepositoryName & {tag: string},
  digest: string,
  records: readonly FoundRecord[]
): Promise<{at: Date; by: string} | undefined> {
  const age = await registry.tagAge(ref);
  if (age) return {at: age.updatedAt, by: age.source};
  const at = stagedAt(
    records.map(r => r.record),
    ref.tag,
    digest
  );
  return at && {at, by: 'staging record'};
}

/** Whether any tag the record lists still holds the digest it lists. */
async function stillVouches(
  registry: Registry,
  repository: RepositoryName,
  found: FoundRecord,
  holds: ReadonlyMap<string, string | undefined>
): Promise<boolean> {
  for (const entry of found.record.tags) {
    const digest = holds.has(entry.tag)
      ? holds.get(entry.tag)
      : (await registry.resolve({...repository, tag: entry.tag}))?.digest;
    if (digest === entry.digest) return true;
  }
  return false;
}
