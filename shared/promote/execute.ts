import {formatBytes} from '../model/bytes.js';
import {errorMessage} from '../model/errors.js';
import {formatReference} from '../model/reference.js';
import {type StepLog} from '../model/log.js';
import {type Registry} from '../registry/index.js';
import {type PromoteItem} from './plan.js';

/** What happened to one final tag. */
export interface PromotedTag {
  readonly item: PromoteItem;
  /** `written`: the final tag was moved; `unchanged`: it already held the digest. */
  readonly result: 'written' | 'unchanged';
  /** The temporary tag (change tag or staged tag) removed afterwards, if any. */
  readonly deletedSourceTag?: string;
  /** Why that removal failed (a warning: the final tags were written). */
  readonly deleteError?: string;
}

/**
 * Promote image by image (items sharing a repository and a source digest): first every final
 * tag of the image (see promoteImage), then its temporary tags. Each image's sequence is safe to
 * interrupt at any request and to rerun; images are independent of each other.
 */
export async function executePromotion(
  registry: Registry,
  items: readonly PromoteItem[],
  method: 'tag' | 'intermediate-registry',
  log: StepLog
): Promise<PromotedTag[]> {
  const results: PromotedTag[] = [];
  for (const group of groupBySource(items)) {
    results.push(...(await promoteImage(registry, group, method, log)));
  }
  return results;
}

/**
 * One image: move its final tags (tag method → manifest-only retag in the same repository, zero
 * blob bytes; intermediate → copy from the intermediate registry with all final tags at once,
 * blobs moved once), then delete its temporary tags — tag-only deletes, so the final tags that
 * share the digest stay. A failed delete is a warning: the final tags are already written, and a
 * rerun (or cleanup) finishes it.
 */
export async function promoteImage(
  registry: Registry,
  group: readonly PromoteItem[],
  method: 'tag' | 'intermediate-registry',
  log: StepLog
): Promise<PromotedTag[]> {
  const [first] = group;
  const title = `${formatReference(first.image.repository)} ← ${formatReference(first.source)}`;
  return log.group(title, async () => {
    const tags = group.filter(i => i.state === 'promote').map(i => i.final.tag);
    let written = new Set<string>();
    if (tags.length > 0) {
      const outcome =
        method === 'tag'
          ? await registry.retag(first.final, first.digest, tags, {digest: first.digest})
          : await registry.copy(first.source, first.final, tags);
      written = new Set(outcome.tags.filter(t => t.status !== 'skipped').map(t => t.tag));
      const moved =
        'bytes' in outcome && typeof outcome.bytes === 'number'
          ? `, ${formatBytes(outcome.bytes)} of blobs moved`
          : ', manifest only';
      log.info(
        `${tags.map(t => `${t}: ${written.has(t) ? 'written' : 'already there'}`).join(', ')} (${outcome.digest}${moved})`
      );
    }
    const deletions = new Map<string, Promise<{deleted?: string; error?: string}>>();
    const removeSourceTag = (item: PromoteItem): Promise<{deleted?: string; error?: string}> => {
      const ref = item.sourceTag;
      if (!ref) return Promise.resolve({});
      const key = formatReference(ref);
      let deletion = deletions.get(key);
      if (!deletion) {
        deletion = registry.deleteTag(ref).then(
          outcome => {
            log.info(`${key}: ${outcome}`);
            return {deleted: ref.tag};
          },
          (e: unknown) => {
            const error = errorMessage(e);
            log.warning(
              `${formatReference(item.final)} is promoted, but deleting ${key} failed (a rerun or cleanup retries it): ${error}`
            );
            return {error};
          }
        );
        deletions.set(key, deletion);
      }
      return deletion;
    };
    const results: PromotedTag[] = [];
    // One at a time: the deletes of one image are a short sequence, each safe to interrupt.
    for (const item of group) {
      if (item.state === 'done') log.info(`${item.final.tag}: already promoted (${item.digest})`);
      const {deleted, error} = await removeSourceTag(item);
      results.push({
        item,
        result: written.has(item.final.tag) ? 'written' : 'unchanged',
        ...(deleted && {deletedSourceTag: deleted}),
        ...(error && {deleteError: error})
      });
    }
    return results;
  });
}

/** Items that share a repository and a source digest move together. */
function groupBySource(items: readonly PromoteItem[]): PromoteItem[][] {
  const groups = new Map<string, PromoteItem[]>();
  for (const item of items) {
    const key = `${formatReference(item.image.repository)} ${item.digest}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}
