import {errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
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
  const results: CleanupResult[] = [];
  for (const scope of scopes) {
    try {
      results.push(await cleanRepository(registry, scope, options));
    } catch (e) {
      options.log.warning(
        `cleanup of ${formatReference(scope.repository)} failed: ${errorMessage(e)}`
      );
    }
  }
  return results;
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
  const tags = await registry.listTags(repository);
  const finals = new Set(scope.finalTags);
  const finalHeads = await Promise.all(
    tags.filter(t => finals.has(t)).map(t => registry.resolve(ref(t)))
  );
  const protectedDigests = new Set(finalHeads.flatMap(h => (h ? [h.digest] : [])));
  const records = await readStagingRecords(registry, repository, tags, (tag, reason) =>
    log.info(`${name}:${tag} is not a staging record (${reason})`)
  );
  const recordTags = new Set(records.map(r => r.tag));
  // A record tag left on a placeholder: the record's deletion did not finish.
  for (const tag of tags.filter(t => isStagingRecordTag(t) && !recordTags.has(t))) {
    try {
      if ((await registry.inspect(ref(tag)))?.kind !== 'placeholder') continue;
      await registry.deleteTag(ref(tag));
      result.records.push(tag);
      log.info(`deleted ${name}:${tag} (finishing a deletion that was interrupted)`);
    } catch (e) {
      log.warning(`cleanup of ${name}:${tag} failed: ${errorMessage(e)}`);
    }
  }
  // What each tag looked at holds now (undefined: gone), for the records' turn at the end.
  const holds = new Map<string, string | undefined>();
  const remove = async (tag: string, why: string): Promise<void> => {
    await registry.deleteTag(ref(tag));
    holds.set(tag, undefined);
    result.deleted.push(tag);
    log.info(`deleted ${name}:${tag} (${why})`);
  };

  const candidates = tags.filter(t => matcher.test(t) && !finals.has(t) && !recordTags.has(t));
  for (const tag of candidates) {
    try {
      const content = await registry.inspect(ref(tag));
      holds.set(tag, content?.digest);
      if (!content) continue;
      if (content.kind === 'placeholder') {
        await remove(tag, 'finishing a deletion that was interrupted');
        continue;
      }
      if (protectedDigests.has(content.digest)) {
        result.kept.push(tag);
        continue;
      }
      const staged = await stagingTime(registry, ref(tag), content.digest, records);
      if (!staged) {
        result.unknownAge.push(tag);
        continue;
      }
      const ageMs = options.now().getTime() - staged.at.getTime();
      if (ageMs <= options.maxAgeMs) {
        result.kept.push(tag);
        continue;
      }
      await remove(tag, `staged ${Math.round(ageMs / 3_600_000)} h ago, by ${staged.by}`);
    } catch (e) {
      log.warning(`cleanup of ${name}:${tag} failed: ${errorMessage(e)}`);
    }
  }
  for (const found of records) {
    try {
      if (await stillVouches(registry, repository, found, holds)) continue;
      await registry.deleteTag(ref(found.tag));
      result.records.push(found.tag);
      log.info(`deleted ${name}:${found.tag} (no tag it lists is staged any more)`);
    } catch (e) {
      log.warning(`cleanup of ${name}:${found.tag} failed: ${errorMessage(e)}`);
    }
  }
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
