import {formatBytes} from '../model/bytes.js';
import {errorMessage} from '../model/errors.js';
import {formatReference} from '../model/reference.js';
import {type StepLog} from '../model/log.js';
import {inOrderedGroups} from '../model/log-groups.js';
import {type DeleteOutcome, type ManifestContent, type Registry} from '../registry/index.js';
import {type RepositoryName} from '../model/reference.js';
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
  // Every final tag is written by now: the temporary tags go, together (one placeholder and
  // one DELETE where the registry cannot delete a tag, each step safe to interrupt), and are
  // reported in input order.
  const removed = await removeTemporaryTags(registry, group, method);
  const reported = new Set<string>();
  return group.map(item => {
    if (item.state === 'done') log.info(`${item.final.tag}: already promoted (${item.digest})`);
    const ref = item.sourceTag;
    const key =
      ref && formatReference({registry: ref.registry, repository: ref.repository, tag: ref.tag});
    const removal = key === undefined ? {} : (removed.get(key) ?? {});
    if (key !== undefined && !reported.has(key)) {
      reported.add(key);
      if (removal.error !== undefined) {
        log.warning(
          `${formatReference(item.final)} is promoted, but deleting ${key} failed (a rerun or cleanup retries it): ${removal.error}`
        );
      } else if (removal.outcome !== undefined) {
        log.info(`${key}: ${removal.outcome}`);
      }
    }
    return {
      item,
      result: written.has(item.final.tag) ? 'written' : 'unchanged',
      ...(removal.outcome !== undefined && ref && {deletedSourceTag: ref.tag}),
      ...(removal.error !== undefined && {deleteError: removal.error})
    };
  });
}

/** What became of one temporary tag. */
interface Removal {
  readonly outcome?: DeleteOutcome;
  readonly error?: string;
}

/** Delete the temporary tags of an image, per repository in one call; keyed by reference. */
async function removeTemporaryTags(
  registry: Registry,
  group: readonly PromoteItem[],
  method: 'tag' | 'intermediate-registry'
): Promise<Map<string, Removal>> {
  const byRepository = new Map<
    string,
    {repository: RepositoryName; tags: string[]; known: (ManifestContent | undefined)[]}
  >();
  for (const item of group) {
    const ref = item.sourceTag;
    if (!ref) continue;
    const name = formatReference({registry: ref.registry, repository: ref.repository});
    const entry = byRepository.get(name) ?? {repository: ref, tags: [], known: []};
    if (entry.tags.includes(ref.tag)) continue;
    entry.tags.push(ref.tag);
    // Tag method: the plan has just read the change tag it promotes from (never a placeholder:
    // that is an earlier run's unfinished delete, planned as done), so it holds the image.
    entry.known.push(
      method === 'tag' && item.state === 'promote'
        ? {digest: item.digest, mediaType: '', size: 0, kind: 'image'}
        : undefined
    );
    byRepository.set(name, entry);
  }
  const removals = new Map<string, Removal>();
  await Promise.all(
    [...byRepository.values()].map(async ({repository, tags, known}) => {
      const key = (tag: string) =>
        formatReference({registry: repository.registry, repository: repository.repository, tag});
      try {
        const outcomes = await registry.deleteTags(repository, tags, known);
        tags.forEach((tag, i) => removals.set(key(tag), {outcome: outcomes[i]}));
      } catch (e) {
        for (const tag of tags) removals.set(key(tag), {error: errorMessage(e)});
      }
    })
  );
  return removals;
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
