import {formatBytes} from '../model/bytes.js';
import {formatReference, type RepositoryName} from '../model/reference.js';
import {type StepLog} from '../model/log.js';
import {type Registry} from '../registry/index.js';
import {type PromoteItem} from './plan.js';

/** What happened to one final tag. */
export interface PromotedTag {
  readonly item: PromoteItem;
  /** `written`: the final tag was moved; `unchanged`: it already held the digest. */
  readonly result: 'written' | 'unchanged';
  /** The change tag removed afterwards, if any. */
  readonly deletedChangeTag?: string;
}

/**
 * Move every final tag: tag method → manifest-only retag in the same repository (zero blob
 * bytes); intermediate → copy from the intermediate registry with all final tags at once (blobs
 * moved once). Then delete the promoted change tags (tag-only delete: the final tags that share
 * the digest stay).
 */
export async function executePromotion(
  registry: Registry,
  items: readonly PromoteItem[],
  method: 'tag' | 'intermediate-registry',
  log: StepLog
): Promise<PromotedTag[]> {
  const results: PromotedTag[] = [];
  for (const group of groupBySource(items)) {
    const [first] = group;
    const title = `${formatReference(first.image.repository)} ← ${formatReference(first.source)}`;
    await log.group(title, async () => {
      const pending = group.filter(i => i.state === 'promote');
      const tags = pending.map(i => i.final.tag);
      let written = new Set<string>();
      if (tags.length > 0) {
        const outcome =
          method === 'tag'
            ? await registry.retag(first.final, first.changeTag ?? first.digest, tags, {
                digest: first.digest
              })
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
      for (const item of group) {
        let deletedChangeTag: string | undefined;
        if (item.changeTag !== undefined && item.state === 'promote') {
          const outcome = await registry.deleteTag({
            ...(item.final as RepositoryName),
            tag: item.changeTag
          });
          log.info(`change tag ${item.changeTag}: ${outcome}`);
          deletedChangeTag = item.changeTag;
        }
        if (item.state === 'done') log.info(`${item.final.tag}: already promoted (${item.digest})`);
        results.push({
          item,
          result: written.has(item.final.tag) ? 'written' : 'unchanged',
          ...(deletedChangeTag && {deletedChangeTag})
        });
      }
    });
  }
  return results;
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
