import {formatBytes} from '../model/bytes.js';
import {errorMessage} from '../model/errors.js';
import {formatReference} from '../model/reference.js';
import {type StepLog} from '../model/log.js';
import {inOrderedGroups} from '../model/log-groups.js';
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

/** Images promoted at once; requests beyond each registry's connection pool wait their turn. */
const PARALLEL_IMAGES = 16;

/**
 * Promote image by image (items sharing a repository and a source digest): first every final
 * tag of the image (see promoteImage), then its temporary tags. Images of different
 * repositories go in parallel; images of one repository go one after another in input order,
 * so two entries naming it never race. Each image's sequence is safe to interrupt at any
 * request and to rerun, and keeps its order whatever runs beside it; every image has its log
 * group, printed whole and in input order.
 */
export async function executePromotion(
  registry: Registry,
  items: readonly PromoteItem[],
  method: 'tag' | 'intermediate-registry',
  log: StepLog
): Promise<PromotedTag[]> {
  const previous = new Map<string, Promise<unknown>>();
  const tasks = groupBySource(items).map(group => {
    const [first] = group;
    const repository = formatReference(first.image.repository);
    const before = previous.get(repository) ?? Promise.resolve();
    let done!: () => void;
    previous.set(repository, new Promise<void>(resolve => (done = resolve)));
    return {
      title: `${repository} ← ${formatReference(first.source)}`,
      run: async (imageLog: StepLog) => {
        await before;
        try {
          return await promoteImage(registry, group, method, imageLog);
        } finally {
          done();
        }
      }
    };
  });
  const settled = await inOrderedGroups(log, tasks, PARALLEL_IMAGES);
  // Every image had its turn; the first failure (in input order) fails the step.
  const failed = settled.find(r => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.flatMap(r => (r.status === 'fulfilled' ? r.value : []));
}

/**
 * One image: move its final tags (tag method → manifest-only retag in the same repository, zero
 * blob bytes; intermediate → copy from the intermediate registry with all final tags at once,
 * blobs moved once), then delete its temporary tags — tag-only deletes, so the final tags that
 * share the digest stay; they start only once every final tag is written, and go together. A
 * failed delete is a warning: the final tags are already written, and a rerun (or cleanup)
 * finishes it.
 */
export async function promoteImage(
  registry: Registry,
  group: readonly PromoteItem[],
  method: 'tag' | 'intermediate-registry',
  log: StepLog
): Promise<PromotedTag[]> {
  const [first] = group;
  const promote = group.filter(i => i.state === 'promote');
  // Tag method: the plan has just read every final tag; one already on the digest stays.
  const tags = promote.filter(i => i.current !== i.digest).map(i => i.final.tag);
  const there = promote.filter(i => i.current === i.digest).map(i => i.final.tag);
  let written = new Set<string>();
  if (tags.length > 0) {
    const outcome =
      method === 'tag'
        ? await registry.retag(first.final, first.digest, tags, {
            digest: first.digest,
            checked: true
          })
        : await registry.copy(first.source, first.final, tags);
    written = new Set(outcome.tags.filter(t => t.status !== 'skipped').map(t => t.tag));
    const moved =
      'bytes' in outcome && typeof outcome.bytes === 'number'
        ? `, ${formatBytes(outcome.bytes)} of blobs moved`
        : ', manifest only';
    log.info(
      `${[...tags, ...there].map(t => `${t}: ${written.has(t) ? 'written' : 'already there'}`).join(', ')} (${outcome.digest}${moved})`
    );
  } else if (there.length > 0) {
    log.info(`${there.map(t => `${t}: already there`).join(', ')} (${first.digest})`);
  }
  const deletions = new Map<string, Promise<{deleted?: string; error?: string}>>();
  const removeSourceTag = (item: PromoteItem): Promise<{deleted?: string; error?: string}> => {
    const ref = item.sourceTag;
    if (!ref) return Promise.resolve({});
    const key = formatReference(ref);
    let deletion = deletions.get(key);
    if (!deletion) {
      deletion = registry.deleteTag(ref).then(
        outcome => ({deleted: ref.tag, outcome}),
        (e: unknown) => ({error: errorMessage(e)})
      );
      deletions.set(key, deletion);
    }
    return deletion;
  };
  // Every final tag is written by now: the temporary tags go, all at once (each delete is its
  // own short sequence, safe to interrupt), and are reported in input order.
  const removals = await Promise.all(group.map(removeSourceTag));
  const reported = new Set<string>();
  return group.map((item, i) => {
    if (item.state === 'done') log.info(`${item.final.tag}: already promoted (${item.digest})`);
    const {deleted, error, outcome} = removals[i] as {
      deleted?: string;
      error?: string;
      outcome?: string;
    };
    const key = item.sourceTag && formatReference(item.sourceTag);
    if (key && !reported.has(key)) {
      reported.add(key);
      if (error !== undefined) {
        log.warning(
          `${formatReference(item.final)} is promoted, but deleting ${key} failed (a rerun or cleanup retries it): ${error}`
        );
      } else {
        log.info(`${key}: ${outcome}`);
      }
    }
    return {
      item,
      result: written.has(item.final.tag) ? 'written' : 'unchanged',
      ...(deleted && {deletedSourceTag: deleted}),
      ...(error && {deleteError: error})
    };
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
