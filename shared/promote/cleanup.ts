import {formatReference, type RepositoryName} from '../model/reference.js';
import {type StepLog} from '../model/log.js';
import {errorMessage} from '../model/errors.js';
import {type TextPattern} from '../model/user-regex.js';
import {type Registry} from '../registry/index.js';

/** What the janitor did in one repository. */
export interface CleanupResult {
  readonly repository: string;
  readonly deleted: readonly string[];
  /** Matching tags younger than the age limit (or of unknown age). */
  readonly kept: readonly string[];
}

/**
 * Delete tags matching `pattern` older than `maxAgeMs` in each repository (every page of the tag
 * list; ages from the registry's own API where it has one, else the image's `created`). Leaked
 * change tags of gates that never merged end here. Failures are warnings: cleanup never fails
 * a promotion that already succeeded.
 */
export async function cleanupStaleTags(
  registry: Registry,
  repositories: readonly RepositoryName[],
  pattern: TextPattern,
  maxAgeMs: number,
  exclude: ReadonlySet<string>,
  log: StepLog
): Promise<CleanupResult[]> {
  const results: CleanupResult[] = [];
  for (const repository of repositories) {
    const name = formatReference(repository);
    const deleted: string[] = [];
    const kept: string[] = [];
    try {
      const tags = (await registry.listTags(repository)).filter(
        t => pattern.test(t) && !exclude.has(`${name}:${t}`)
      );
      for (const tag of tags) {
        try {
          const age = await registry.tagAge({...repository, tag});
          if (age === undefined || age.ageMs <= maxAgeMs) {
            kept.push(tag);
            continue;
          }
          await registry.deleteTag({...repository, tag});
          deleted.push(tag);
          log.info(
            `deleted stale tag ${name}:${tag} (${Math.round(age.ageMs / 3_600_000)} h old, by ${age.source})`
          );
        } catch (e) {
          log.warning(`cleanup of ${name}:${tag} failed: ${errorMessage(e)}`);
        }
      }
    } catch (e) {
      log.warning(`cleanup of ${name} failed: ${errorMessage(e)}`);
    }
    results.push({repository: name, deleted, kept});
  }
  return results;
}
