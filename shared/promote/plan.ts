import {type ChangeIndex, findStagedImage} from '../change-index/format.js';
import {changeTag as changeTagOf} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError, InputErrors, errorMessage} from '../model/errors.js';
import {type ImageReference, formatReference, parseReference, withTag} from '../model/reference.js';
import {type ManifestContent, type Registry} from '../registry/index.js';
import {type MergedChange, tagIdentity} from './find-change.js';
import {type OrderOptions, checkOrder} from './order.js';
import {type MergedSource, REVISION_LABEL, type Verification, verifyLabels} from './verify.js';

/** A tag with its repository. */
export type TagReference = ImageReference & {tag: string};

/** One final tag to promote, resolved and verified. */
export interface PromoteItem {
  readonly image: ContainerImage;
  /** Field path of the tag, for messages: `container-images[0].tags[1]`. */
  readonly field: string;
  readonly final: TagReference;
  /** What is promoted: the change tag (tag method) or the staged image (intermediate). */
  readonly source: ImageReference;
  readonly digest: string;
  /** `promote`, or `done` when an earlier run already promoted it. */
  readonly state: 'promote' | 'done';
  /** Tag method: the digest the final tag held when the plan read it, if it existed. */
  readonly current?: string;
  /**
   * The temporary tag to delete once the final tags hold the digest — the change tag (tag
   * method) or the staged tag (intermediate) — while it still exists, or still sits on the
   * placeholder of a deletion that did not finish.
   */
  readonly sourceTag?: TagReference;
  readonly verifiedBy?: string;
}

export interface PlanOptions {
  readonly method: 'tag' | 'intermediate-registry';
  readonly verifySource: boolean;
  readonly merged: MergedChange;
  readonly mergedSource: MergedSource;
  /** The merged commit's tree, asked for only when a revision label does not match. */
  readonly sourceTree?: () => Promise<string | undefined>;
  /** Intermediate method: the change's index; undefined when it is gone (promoted before). */
  readonly index?: ChangeIndex;
  /** How a final tag may move (never back to an older commit); the labels reader is added here. */
  readonly order: Omit<OrderOptions, 'revisionOf'>;
  readonly warn: (message: string) => void;
}

/** Reads shared by every tag of a plan, each done once per digest. */
interface PlanReads {
  readonly verify: (ref: ImageReference, digest: string) => Promise<Verification>;
  readonly order: OrderOptions;
}

/**
 * Resolve the source of every final tag and verify it was built from the merged code, before
 * anything is written. Throws InputError listing what cannot be promoted.
 */
export async function planPromotion(
  registry: Registry,
  images: readonly ContainerImage[],
  options: PlanOptions
): Promise<PromoteItem[]> {
  const labels = new Map<string, Promise<Readonly<Record<string, string>>>>();
  const labelsOf = (ref: ImageReference, digest: string) => {
    let read = labels.get(digest);
    if (!read) {
      read = registry.imageConfig({...ref, digest}).then(config => config.labels);
      labels.set(digest, read);
    }
    return read;
  };
  const reads: PlanReads = {
    verify: async (ref, digest) => {
      const labels = await labelsOf(ref, digest);
      const byRevision = verifyLabels(formatReference(ref), labels, options.mergedSource);
      if (byRevision.ok || !options.sourceTree) return byRevision;
      const sourceTree = await options.sourceTree();
      return verifyLabels(formatReference(ref), labels, {
        ...options.mergedSource,
        ...(sourceTree && {sourceTree})
      });
    },
    order: {
      ...options.order,
      revisionOf: async (ref, digest) => (await labelsOf(ref, digest))[REVISION_LABEL]
    }
  };
  // A registry failure names the tag it was resolving, like an input problem does.
  const tasks = images.flatMap(image =>
    image.tags.map((tag, i) => {
      const field = `${image.field}.tags[${i}]`;
      return planOne(registry, image, tag, field, options, reads).catch((e: unknown) => {
        throw e instanceof InputError ? e : new Error(`${field}: ${errorMessage(e)}`, {cause: e});
      });
    })
  );
  // Settle every task so the user sees every problem at once, not just the first.
  const settled = await Promise.allSettled(tasks);
  const problems = settled.flatMap(r => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const other = problems.find(p => !(p instanceof InputError));
  if (other !== undefined) throw other;
  if (problems.length > 0) throw new InputErrors(problems as InputError[]);
  return settled.map(r => (r as PromiseFulfilledResult<PromoteItem>).value);
}

function planOne(
  registry: Registry,
  image: ContainerImage,
  tag: string,
  field: string,
  options: PlanOptions,
  reads: PlanReads
): Promise<PromoteItem> {
  const final = {...withTag(image.repository, tag), tag};
  if (options.method === 'tag') return planTag(registry, image, final, field, options, reads);
  if (!options.index) return planWithoutIndex(registry, image, final, field, options, reads);
  return planStaged(registry, image, final, field, options, options.index, reads);
}

/** Tag method: promote `change_<N>_<tag>` in the final repository. */
async function planTag(
  registry: Registry,
  image: ContainerImage,
  final: TagReference,
  field: string,
  options: PlanOptions,
  reads: PlanReads
): Promise<PromoteItem> {
  const changeTag = changeTagOf(tagIdentity(options.merged), final.tag, field);
  const source = {...withTag(image.repository, changeTag), tag: changeTag};
  // GET, not HEAD: the same round trip, and the manifest is then at hand for the labels and
  // for writing the final tags. The final tag is read at the same time.
  const [content, current] = await Promise.all([
    registry.inspect(source, {read: true}),
    registry.inspect(final)
  ]);
  if (!content || content.kind === 'placeholder') {
    // Gone, or on the placeholder of an unfinished delete: an earlier run got past promoting.
    const done = await alreadyPromoted(
      registry,
      image,
      final,
      source,
      field,
      options,
      reads,
      {
        missing: `${formatReference(source)} does not exist`,
        hint: 'was the change uploaded with promote: true?'
      },
      current
    );
    return content ? {...done, sourceTag: source} : done;
  }
  refuseNonImage(field, source, content);
  const verifiedBy = await checkSource(field, source, content.digest, options, reads);
  await checkFinal(final, current, content.digest, field, reads);
  return {
    image,
    field,
    final,
    source,
    digest: content.digest,
    state: 'promote',
    ...(current && {current: current.digest}),
    sourceTag: source,
    ...(verifiedBy && {verifiedBy})
  };
}

/** Intermediate method: promote the staged image the change index names. */
async function planStaged(
  registry: Registry,
  image: ContainerImage,
  final: TagReference,
  field: string,
  options: PlanOptions,
  index: ChangeIndex,
  reads: PlanReads
): Promise<PromoteItem> {
  const entry = findStagedImage(index, formatReference(image.repository), final.tag);
  if (!entry) {
    throw new InputError(
      field,
      `${formatReference(final)} is not in the change index of change ${options.merged.change}; was it uploaded with promote-method intermediate-registry?`
    );
  }
  const stagedRef = parseReference(entry.staged);
  const source = {...stagedRef, digest: entry.digest};
  const stagedTag =
    stagedRef.tag === undefined
      ? undefined
      : {...withTag(stagedRef, stagedRef.tag), tag: stagedRef.tag};
  const [staged, onTag, finalHead] = await Promise.all([
    registry.inspect(source),
    stagedTag ? registry.inspect(stagedTag) : undefined,
    registry.inspect(final)
  ]);
  // Delete the staged tag afterwards only while it still names this image (or a placeholder).
  const sourceTag =
    stagedTag && (onTag?.digest === entry.digest || onTag?.kind === 'placeholder')
      ? {sourceTag: stagedTag}
      : {};
  if (finalHead?.digest === entry.digest) {
    // The final tag already holds the indexed digest: an earlier run promoted it.
    return {image, field, final, source, digest: entry.digest, state: 'done', ...sourceTag};
  }
  if (staged?.digest !== entry.digest) {
    throw new InputError(
      field,
      `the staged image ${entry.staged}@${entry.digest} is missing from the intermediate registry`
    );
  }
  refuseNonImage(field, source, staged);
  const verifiedBy = await checkSource(field, source, entry.digest, options, reads);
  await checkFinal(final, finalHead, entry.digest, field, reads);
  return {
    image,
    field,
    final,
    source,
    digest: entry.digest,
    state: 'promote',
    ...sourceTag,
    ...(verifiedBy && {verifiedBy})
  };
}

/** Intermediate method, index gone: fine if an earlier run promoted this change's image. */
function planWithoutIndex(
  registry: Registry,
  image: ContainerImage,
  final: TagReference,
  field: string,
  options: PlanOptions,
  reads: PlanReads
): Promise<PromoteItem> {
  // The staged name went with the index: the final tag is all there is to name.
  return alreadyPromoted(registry, image, final, final, field, options, reads, {
    missing: `the change index of change ${options.merged.change} does not exist`,
    hint: 'did the gate upload run with promote-method intermediate-registry?'
  });
}

/**
 * The source is gone: fine if the final tag holds an image built from the merge. `source` is
 * what the final tag came from, reported as on the first run.
 */
async function alreadyPromoted(
  registry: Registry,
  image: ContainerImage,
  final: TagReference,
  source: ImageReference,
  field: string,
  options: PlanOptions,
  reads: PlanReads,
  why: {missing: string; hint: string},
  /** What the final tag holds, when the caller has just read it. */
  read?: ManifestContent
): Promise<PromoteItem> {
  const content = read ?? (await registry.inspect(final));
  if (!content || content.kind === 'empty-index' || content.kind === 'placeholder') {
    const what = content ? 'holds no image' : 'does not exist';
    throw new InputError(
      field,
      `${why.missing}, and ${formatReference(final)} ${what}; ${why.hint}`
    );
  }
  const verdict = await reads.verify(final, content.digest);
  if (!verdict.ok && (options.verifySource || !verdict.missing)) {
    throw new InputError(
      field,
      `${why.missing}, and ${formatReference(final)} is not this change's image: ${verdict.detail}`
    );
  }
  return {
    image,
    field,
    final,
    source,
    digest: content.digest,
    state: 'done',
    ...(verdict.ok && {verifiedBy: verdict.by})
  };
}

/** Never promote what is no image: an index without entries, or an untag placeholder. */
function refuseNonImage(field: string, source: ImageReference, content: ManifestContent): void {
  if (content.kind === 'empty-index' || content.kind === 'placeholder') {
    throw new InputError(
      field,
      `${formatReference(source)} is an index with no manifests (${content.digest}); refusing to promote it`
    );
  }
}

/** The final tag may only move forward (see checkOrder); `current` is what it holds now. */
async function checkFinal(
  final: TagReference,
  current: ManifestContent | undefined,
  digest: string,
  field: string,
  reads: PlanReads
): Promise<void> {
  if (current && current.digest !== digest) await checkOrder(field, final, current, reads.order);
}

async function checkSource(
  field: string,
  source: ImageReference,
  digest: string,
  options: PlanOptions,
  reads: PlanReads
): Promise<string | undefined> {
  if (!options.verifySource) return undefined;
  const verdict = await reads.verify(source, digest);
  if (verdict.ok) return verdict.by;
  if (verdict.missing) {
    options.warn(`${field}: ${verdict.detail}`);
    return undefined;
  }
  throw new InputError(field, verdict.detail);
}
