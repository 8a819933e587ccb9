import {type ChangeIndex, findStagedImage} from '../change-index/format.js';
import {changeTag as changeTagOf} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError, InputErrors, errorMessage} from '../model/errors.js';
import {type ImageReference, formatReference, parseReference, withTag} from '../model/reference.js';
import {type Registry} from '../registry/index.js';
import {type MergedChange, tagIdentity} from './find-change.js';
import {type MergedSource, type Verification, verifyLabels} from './verify.js';

/** One final tag to promote, resolved and verified. */
export interface PromoteItem {
  readonly image: ContainerImage;
  /** Field path of the tag, for messages: `container-images[0].tags[1]`. */
  readonly field: string;
  readonly final: ImageReference & {tag: string};
  /** What is promoted: the change tag (tag method) or the staged image (intermediate). */
  readonly source: ImageReference;
  readonly digest: string;
  /** `promote`, or `done` when an earlier run already promoted it. */
  readonly state: 'promote' | 'done';
  /** Tag method: the change tag to delete afterwards (when it still exists). */
  readonly changeTag?: string;
  readonly verifiedBy?: string;
}

export interface PlanOptions {
  readonly method: 'tag' | 'intermediate-registry';
  readonly verifySource: boolean;
  readonly merged: MergedChange;
  readonly mergedSource: MergedSource;
  /** Intermediate method: the change's index (undefined when none was found). */
  readonly index?: ChangeIndex;
  readonly warn: (message: string) => void;
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
  const verifications = new Map<string, Promise<Verification>>();
  const verify = (ref: ImageReference, digest: string): Promise<Verification> => {
    let v = verifications.get(digest);
    if (!v) {
      v = registry
        .imageConfig({...ref, digest})
        .then(config => verifyLabels(formatReference(ref), config.labels, options.mergedSource));
      verifications.set(digest, v);
    }
    return v;
  };
  // A registry failure names the tag it was resolving, like an input problem does.
  const tasks = images.flatMap(image =>
    image.tags.map((tag, i) => {
      const field = `${image.field}.tags[${i}]`;
      return planOne(registry, image, tag, field, options, verify).catch((e: unknown) => {
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

async function planOne(
  registry: Registry,
  image: ContainerImage,
  tag: string,
  field: string,
  options: PlanOptions,
  verify: (ref: ImageReference, digest: string) => Promise<Verification>
): Promise<PromoteItem> {
  const final = {...withTag(image.repository, tag), tag};
  if (options.method === 'tag') {
    // The change tag is always (re)written and then deleted, so the final tag is looked at only
    // when the change tag is gone (a re-run).
    const changeTag = changeTagOf(tagIdentity(options.merged), tag, field);
    const source = withTag(image.repository, changeTag);
    const digest = (await registry.resolve(source))?.digest;
    if (digest === undefined) {
      const finalDigest = (await registry.resolve(final))?.digest;
      return alreadyPromoted(field, image, final, finalDigest, source, options, verify);
    }
    const verifiedBy = await checkSource(field, source, digest, options, verify);
    return {
      image,
      field,
      final,
      source,
      digest,
      state: 'promote',
      changeTag,
      ...(verifiedBy && {verifiedBy})
    };
  }
  const entry =
    options.index && findStagedImage(options.index, formatReference(image.repository), tag);
  if (!entry) {
    throw new InputError(
      field,
      `${formatReference(final)} is not in the change index of change ${options.merged.change}; was it uploaded with promote-method intermediate-registry?`
    );
  }
  const source = {...parseReference(entry.staged), digest: entry.digest};
  const [staged, finalHead] = await Promise.all([
    registry.resolve(source),
    registry.resolve(final)
  ]);
  if (staged?.digest !== entry.digest) {
    throw new InputError(
      field,
      `the staged image ${entry.staged}@${entry.digest} is missing from the intermediate registry`
    );
  }
  const verifiedBy = await checkSource(field, source, entry.digest, options, verify);
  return {
    image,
    field,
    final,
    source,
    digest: entry.digest,
    // The final tag already holding the staged digest means an earlier run promoted it.
    state: finalHead?.digest === entry.digest ? 'done' : 'promote',
    ...(verifiedBy && {verifiedBy})
  };
}

/** Tag method, change tag gone: fine if the final tag holds an image built from the merge. */
async function alreadyPromoted(
  field: string,
  image: ContainerImage,
  final: ImageReference & {tag: string},
  finalDigest: string | undefined,
  source: ImageReference,
  options: PlanOptions,
  verify: (ref: ImageReference, digest: string) => Promise<Verification>
): Promise<PromoteItem> {
  const missing = `${formatReference(source)} does not exist`;
  if (finalDigest === undefined) {
    throw new InputError(
      field,
      `${missing}, and neither does ${formatReference(final)}; was the change uploaded with promote: true?`
    );
  }
  const verdict = await verify(final, finalDigest);
  if (!verdict.ok && (options.verifySource || !verdict.missing)) {
    throw new InputError(
      field,
      `${missing}, and ${formatReference(final)} is not this change's image: ${verdict.detail}`
    );
  }
  return {
    image,
    field,
    final,
    // Still the change tag it came from (gone now), as on the first run.
    source,
    digest: finalDigest,
    state: 'done',
    ...(verdict.ok && {verifiedBy: verdict.by})
  };
}

async function checkSource(
  field: string,
  source: ImageReference,
  digest: string,
  options: PlanOptions,
  verify: (ref: ImageReference, digest: string) => Promise<Verification>
): Promise<string | undefined> {
  if (!options.verifySource) return undefined;
  const verdict = await verify(source, digest);
  if (verdict.ok) return verdict.by;
  if (verdict.missing) {
    options.warn(`${field}: ${verdict.detail}`);
    return undefined;
  }
  throw new InputError(field, verdict.detail);
}
