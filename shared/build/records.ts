import {nativePlatform} from '../engine/platform.js';
import {type EngineProfile} from '../engine/profile.js';
import {formatReference} from '../model/reference.js';
import {type BaseImageInfo, type BuildDetails} from './details.js';
import {type ImagePlan} from './plan.js';
import {type ImageResult} from './step.js';

/**
 * What one build of one platform of an image produced (OSBS's build annotations): in the
 * `images` output under `builds`, and in the JSON file the `build-records` output names.
 */
export interface BuildRecord {
  readonly field: string;
  readonly repository: string;
  readonly platform: string;
  readonly status: ImageResult['status'];
  /** Local image id (for a podman manifest list, the list's). */
  readonly imageId?: string;
  /**
   * Manifest digest of this platform's image as the registry reported it, when it was pushed as
   * an image of its own (a platform job's build, a single-platform image).
   */
  readonly digest?: string;
  /** References it was pushed to. */
  readonly pushed: readonly string[];
  /** The image the build started from; null for `FROM scratch`. */
  readonly baseImage: BaseImageInfo | null;
  /** Wall-clock seconds of the build (and push, for buildset and platform pushes). */
  readonly seconds: number;
  readonly engine: {readonly kind: string; readonly binary: string; readonly version?: string};
  readonly labels: Readonly<Record<string, string>>;
  /** OCI layout tarball, with `archive: true`. */
  readonly archive?: string;
  readonly error?: string;
}

/** One record per image and platform built (or tried), in list order. */
export function buildRecords(
  results: readonly ImageResult[],
  details: ReadonlyMap<ImagePlan, BuildDetails>,
  profile: EngineProfile
): BuildRecord[] {
  const engine = {
    kind: profile.kind,
    binary: profile.binary,
    ...(profile.version && {version: profile.version})
  };
  return results.flatMap(result => {
    const {plan} = result;
    const detail = details.get(plan);
    const platforms =
      plan.platform !== undefined
        ? [plan.platform]
        : plan.image.arch.length > 0
          ? plan.image.arch
          : [nativePlatform()];
    const single = platforms.length === 1;
    return platforms.map((platform): BuildRecord => ({
      field: plan.image.field,
      repository: formatReference(plan.image.repository),
      platform,
      status: result.status,
      ...(result.built && {imageId: result.built.imageId}),
      ...(single && result.pushed[0] && {digest: result.pushed[0].digest}),
      pushed: result.pushed.map(p => p.ref),
      baseImage: detail?.baseImage ?? null,
      seconds: Math.round(result.seconds * 10) / 10,
      engine,
      labels: detail?.labels ?? {},
      ...(detail?.archives && {
        archive: detail.archives.find(a => a.platform === platform)?.path
      }),
      ...(result.error !== undefined && {error: result.error})
    }));
  });
}
