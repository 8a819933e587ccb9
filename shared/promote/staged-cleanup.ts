import {type ChangeIndex, type ChangeKey, changeIndexRepository} from '../change-index/format.js';
import {deleteChangeIndex, readChangeIndexAt} from '../change-index/store.js';
import {type ContainerImage} from '../model/container-images.js';
import {errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {type RepositoryName, formatReference, parseReference} from '../model/reference.js';
import {type RegistryLocation, stagedRepository} from '../model/registry-location.js';
import {type Registry} from '../registry/index.js';
import {isStagingRecordTag} from '../staging/record.js';
import {type CleanupOptions, type CleanupResult, cleanupStaleTags} from './cleanup.js';
import {type PromoteItem} from './plan.js';

/**
 * After promotion: the change index goes once every image it lists is promoted (the staged
 * tags went image by image, see promoteImage). It goes last, so until then a rerun finds what
 * is left to finish; with the index gone a rerun checks the final tags instead. An index already
 * gone (or left on a placeholder by an interrupted delete) only has its deletion finished.
 */
export async function removePromotedIndex(
  registry: Registry,
  location: RegistryLocation,
  key: ChangeKey,
  index: ChangeIndex | undefined,
  items: readonly PromoteItem[],
  log: StepLog
): Promise<void> {
  const covered = (repository: string, tag: string): boolean => {
    const name = formatReference(parseReference(repository));
    return items.some(i => formatReference(i.image.repository) === name && i.final.tag === tag);
  };
  if (index && !index.images.every(e => covered(e.repository, e.tag))) {
    log.info('the change index lists images this promotion does not cover; cleanup removes it');
    return;
  }
  try {
    if ((await deleteChangeIndex(registry, location, key)) === 'deleted') {
      log.info(`change index of ${key.owner}/${key.repo}#${key.change}: deleted`);
    }
  } catch (e) {
    log.warning(
      `deleting the change index failed (a rerun or cleanup retries it): ${errorMessage(e)}`
    );
  }
}

/**
 * The intermediate registry's janitor, by the final registry's rules (unknown ages are kept,
 * failures are warnings): change indexes created longer ago than the age limit (abandoned
 * changes), each after the staged tags it lists; then, in the staged repositories of `images`,
 * tags staged longer ago than that (by their staging records; everything there is imagegate's)
 * unless a remaining change index still lists them.
 */
export async function cleanupIntermediate(
  registry: Registry,
  location: RegistryLocation,
  images: readonly ContainerImage[],
  options: CleanupOptions
): Promise<CleanupResult[]> {
  const results: CleanupResult[] = [];
  let listed = new Map<string, string[]>();
  try {
    const indexes = await cleanupIndexes(registry, location, options);
    results.push(indexes.result);
    listed = indexes.listed;
  } catch (e) {
    options.log.warning(`cleanup of the change indexes failed: ${errorMessage(e)}`);
    // Without the indexes it is unknown which staged tags are still wanted: keep them all.
    return results;
  }
  const staged = new Map<string, RepositoryName>();
  for (const image of images) {
    const repository = stagedRepository(location, image.repository);
    staged.set(formatReference(repository), repository);
  }
  const everything = {test: () => true};
  const scopes = [...staged].map(([name, repository]) => ({
    repository,
    finalTags: listed.get(name) ?? [],
    matcher: everything
  }));
  results.push(...(await cleanupStaleTags(registry, scopes, options)));
  return results;
}

/**
 * Delete change indexes older than the age limit, each after the staged tags it lists; returns
 * the staged tags the remaining indexes list, per staged repository.
 */
async function cleanupIndexes(
  registry: Registry,
  location: RegistryLocation,
  options: CleanupOptions
): Promise<{result: CleanupResult; listed: Map<string, string[]>}> {
  const repository = changeIndexRepository(location);
  const name = formatReference(repository);
  const result = {
    repository: name,
    deleted: [] as string[],
    kept: [] as string[],
    unknownAge: [] as string[],
    records: [] as string[]
  };
  const listed = new Map<string, string[]>();
  const keep = (tag: string, index: ChangeIndex | undefined, as: 'kept' | 'unknownAge') => {
    result[as].push(tag);
    for (const entry of index?.images ?? []) {
      const staged = parseReference(entry.staged);
      const key = formatReference({registry: staged.registry, repository: staged.repository});
      if (staged.tag !== undefined) listed.set(key, [...(listed.get(key) ?? []), staged.tag]);
    }
  };
  const tags = (await registry.listTags(repository)).filter(t => !isStagingRecordTag(t));
  for (const tag of tags) {
    const ref = {...repository, tag};
    let index: ChangeIndex | undefined;
    try {
      // A placeholder reads as no index: a deletion that did not finish; finish it.
      index = await readChangeIndexAt(registry, ref);
      const createdAt = index ? new Date(index.createdAt) : undefined;
      if (index && (!createdAt || Number.isNaN(createdAt.getTime()))) {
        keep(tag, index, 'unknownAge');
        continue;
      }
      const ageMs = createdAt ? options.now().getTime() - createdAt.getTime() : Infinity;
      if (ageMs <= options.maxAgeMs) {
        keep(tag, index, 'kept');
        continue;
      }
      for (const entry of index?.images ?? []) {
        const staged = parseReference(entry.staged);
        if (staged.tag !== undefined) await registry.deleteTag({...staged, tag: staged.tag});
      }
      if ((await registry.deleteTag(ref)) === 'absent') continue;
      result.deleted.push(tag);
      options.log.info(
        `deleted ${name}:${tag} and its staged tags (${index ? `created ${Math.round(ageMs / 3_600_000)} h ago` : 'finishing an interrupted deletion'})`
      );
    } catch (e) {
      // Whatever it lists stays wanted until the index is gone.
      keep(tag, index, 'kept');
      options.log.warning(`cleanup of ${name}:${tag} failed: ${errorMessage(e)}`);
    }
  }
  return {result, listed};
}
