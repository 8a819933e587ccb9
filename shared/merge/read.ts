import {ImagegateLabel} from '../build/labels.js';
import {type ImageConfigInfo, type Registry, RegistryError} from '../registry/index.js';
import {isIndex} from '../registry/media-types.js';
import {type MergePlan, refOf} from './plan.js';

/** A platform image the merge found, and where. */
export interface FoundImage {
  readonly platform: string;
  /** Manifest digest of the platform image (in the plan's repository). */
  readonly digest: string;
  /** Its revision and source-tree labels (UNREADABLE when not a commit id). */
  readonly revision?: string;
  readonly sourceTree?: string;
  readonly os?: string;
  readonly architecture?: string;
  /**
   * `record`: the platform job's record tag. `index`: no record, but the index already under the
   * first tag holds this platform — a merge that was interrupted after removing some records.
   */
  readonly source: 'record' | 'index';
  /** The reference it was read through. */
  readonly ref: string;
  /** Found in the index, while the record tag holds an interrupted removal's placeholder. */
  readonly leftover?: string;
}

/** What the merge learned about one platform of one entry. */
export type PlatformLookup =
  | {readonly kind: 'found'; readonly image: FoundImage}
  | {
      readonly kind: 'absent';
      /**
       * The record tag holds an empty index: the placeholder of a tag removal that was
       * interrupted (untag method). It is removed with the records.
       */
      readonly leftover?: string;
    }
  | {readonly kind: 'unusable'; readonly ref: string; readonly reason: string};

/**
 * Look up every platform an entry asks for: its record tag (HEAD, then the config for labels and
 * platform); without a record, the member of the index already under the first tag. Reads only.
 */
export async function readPlatforms(
  registry: Registry,
  plan: MergePlan
): Promise<Map<string, PlatformLookup>> {
  const first = {...plan.repository, tag: plan.targets[0].tag};
  let merged: Promise<boolean> | undefined;
  const alreadyIndex = () =>
    (merged ??= registry
      .resolve(first)
      .then(head => head !== undefined && isIndex(head.mediaType)));
  const lookups = await Promise.all(
    [...plan.records].map(async ([platform, tag]): Promise<[string, PlatformLookup]> => {
      const ref = {...plan.repository, tag};
      const head = await registry.resolve(ref);
      let leftover: string | undefined;
      if (head) {
        const config = await imageConfigOrEmpty(registry, ref);
        if (config === undefined) {
          leftover = refOf(plan, tag);
        } else if (config.digest !== config.imageDigest) {
          return [
            platform,
            {
              kind: 'unusable',
              ref: refOf(plan, tag),
              reason: 'is an index; a platform job records one image of one platform'
            }
          ];
        } else {
          return [
            platform,
            {kind: 'found', image: found(platform, config, 'record', refOf(plan, tag))}
          ];
        }
      }
      const absent: PlatformLookup = {kind: 'absent', ...(leftover && {leftover})};
      if (!(await alreadyIndex())) return [platform, absent];
      const member = await imageConfigOrEmpty(registry, first, platform);
      if (member === undefined) return [platform, absent];
      return [
        platform,
        {
          kind: 'found',
          image: {
            ...found(platform, member, 'index', refOf(plan, first.tag)),
            ...(leftover && {leftover})
          }
        }
      ];
    })
  );
  return new Map(lookups);
}

/** The image config, or undefined when the reference is an index without that (or any) image. */
async function imageConfigOrEmpty(
  registry: Registry,
  ref: Parameters<Registry['imageConfig']>[0],
  platform?: string
): Promise<ImageConfigInfo | undefined> {
  try {
    return await registry.imageConfig(ref, platform);
  } catch (error) {
    if (error instanceof RegistryError && /no matching image/.test(error.message)) return undefined;
    throw error;
  }
}

/** What a label holds when it is not a commit id (registry content never reaches a log as is). */
export const UNREADABLE = '(a label that is not a commit id)';
const COMMIT_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const PLATFORM_PART_RE = /^[a-z0-9._-]{1,32}$/;

function commitLabel(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return COMMIT_RE.test(value) ? value : UNREADABLE;
}

function found(
  platform: string,
  config: ImageConfigInfo,
  source: FoundImage['source'],
  ref: string
): FoundImage {
  const revision = commitLabel(config.labels[ImagegateLabel.Revision]);
  const sourceTree = commitLabel(config.labels[ImagegateLabel.SourceTree]);
  const part = (value: string | undefined) =>
    value !== undefined && PLATFORM_PART_RE.test(value) ? value : '?';
  return {
    platform,
    digest: config.imageDigest,
    ...(revision && {revision}),
    ...(sourceTree && {sourceTree}),
    os: part(config.os),
    architecture: part(config.architecture),
    source,
    ref
  };
}
