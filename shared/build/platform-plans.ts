import {platformRef} from '../engine/platform.js';
import {type ChangeIdentity} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError, InputErrors} from '../model/errors.js';
import {platformRecordTag, platformsOf} from '../model/platform-records.js';
import {formatReference} from '../model/reference.js';
import {type ImagePlan} from './plan.js';

/** An entry a platform job does not build, and why (for the log). */
export interface ExcludedImage {
  readonly image: ContainerImage;
  readonly reason: string;
}

/** What a platform job builds: one plan per image and platform, and the entries it leaves out. */
export interface PlatformSelection {
  readonly plans: ImagePlan[];
  readonly excluded: ExcludedImage[];
}

/**
 * Turn the plans of a whole list into a platform job's builds: one plan per image and platform
 * of `platforms` it is built for (platformsOf), each building that platform alone and pushed
 * under its record tag. Without `platforms` the plans are returned unchanged.
 *
 * An image built FROM another image of the list needs that image built for the same platform in
 * the same job, else it would build on whatever the registry holds: an input error. When a job
 * builds several platforms, each platform's builds wait for the previous platform's, because
 * the final local tags (which FROM resolves to) name the platform built last; each build also
 * gets a tag of its own (`<tag>__linux-arm64`) that the push uses.
 */
export function selectPlatforms(
  plans: readonly ImagePlan[],
  platforms: readonly string[],
  identity: ChangeIdentity
): PlatformSelection {
  if (platforms.length === 0) return {plans: [...plans], excluded: []};
  const wanted = plans.map(p => platformsOf(p.image, platforms));
  const errors: InputError[] = [];
  const excluded: ExcludedImage[] = [];
  const units: ImagePlan[] = [];
  const unitIndex = new Map<string, number>();
  const key = (plan: number, platform: string) => `${plan} ${platform}`;
  plans.forEach((plan, i) => {
    if (wanted[i].length === 0) {
      excluded.push({
        image: plan.image,
        reason: `its arch (${plan.image.arch.join(', ')}) has none of platforms (${platforms.join(', ')})`
      });
    }
  });
  for (const platform of platforms) {
    // Every build of the platforms before this one (nothing for the usual single platform).
    const previous = units.map((_, j) => j);
    plans.forEach((plan, i) => {
      if (!wanted[i].includes(platform)) return;
      const deps: number[] = [];
      for (const d of plan.dependsOn) {
        const dep = unitIndex.get(key(d, platform));
        if (dep !== undefined) {
          deps.push(dep);
          continue;
        }
        const base = plans[d].image;
        errors.push(
          new InputError(
            `${plan.image.field}.arch`,
            `${formatReference(plan.image.repository)} is built for ${platform} FROM ${base.field} (${formatReference(base.repository)}), which is not built for ${platform} in this job`
          )
        );
      }
      const several = wanted[i].length > 1;
      unitIndex.set(key(i, platform), units.length);
      units.push({
        ...plan,
        platform,
        recordTag: platformRecordTag(identity, plan.image, platform),
        localTags: several
          ? [platformRef(plan.localTags[0], platform), ...plan.localTags]
          : plan.localTags,
        dependsOn: [...deps, ...previous]
      });
    });
  }
  if (errors.length > 0) throw new InputErrors(errors);
  return {plans: units, excluded};
}
