import {buildsetRepository} from './buildset-env.js';
import {type ChangeIdentity, changeTag} from './change.js';
import {type ContainerImage, PLATFORM_RE} from './container-images.js';
import {InputError, InputErrors} from './errors.js';
import {MAX_TAG_LENGTH} from './grammar.js';
import {type RepositoryName} from './reference.js';
import {type RegistryLocation, stagedRepository} from './registry-location.js';

/**
 * Distributed multi-platform builds: each platform job pushes its image of an entry under a
 * per-platform record tag, `<temporary tag>.<os>-<arch>[-<variant>]` (e.g.
 * `change_42_latest.linux-arm64`), in the repository the merge writes to; the merge reads the
 * records, writes the index under the change or final tags and removes them.
 *
 * A tag rather than a separate record artifact, because the tag is also what keeps the platform
 * image alive (registries collect untagged manifests), it is read with one HEAD, and it lives in
 * the temporary-tag namespace (`change_<N>_` / `<pipeline>_`), so promote's stale-tag cleanup
 * removes the records of a merge that never ran. It is never a change or final tag: those only
 * ever name a merged index.
 */

/** Where records (and the merged index) live for one entry. */
export type RecordPlace =
  | {readonly kind: 'final'}
  | {readonly kind: 'intermediate'; readonly location: RegistryLocation}
  | {readonly kind: 'buildset'; readonly registry: string};

/** `linux/arm64/v8` → `linux-arm64-v8`: a platform as it may appear in a tag or a cache key. */
export function platformSlug(platform: string): string {
  return platform.replace(/\//g, '-');
}

/** The record tag of one platform of an entry: the temporary tag of its first tag, plus the platform. */
export function platformRecordTag(
  identity: Pick<ChangeIdentity, 'change' | 'pipeline'>,
  image: ContainerImage,
  platform: string
): string {
  const field = `${image.field}.tags[0]`;
  const tag = `${changeTag(identity, image.tags[0], field)}.${platformSlug(platform)}`;
  if (tag.length > MAX_TAG_LENGTH) {
    throw new InputError(
      field,
      `the platform record tag "${tag}" would be ${tag.length} characters long; tags may have at most ${MAX_TAG_LENGTH} (shorten "${image.tags[0]}")`
    );
  }
  return tag;
}

/** The repository an entry's records and merged index live in. */
export function recordRepository(image: ContainerImage, place: RecordPlace): RepositoryName {
  switch (place.kind) {
    case 'final':
      return image.repository;
    case 'intermediate':
      return stagedRepository(place.location, image.repository);
    case 'buildset':
      return buildsetRepository(place.registry, image.repository);
  }
}

/**
 * The platforms one job builds of an entry: the entry's `arch` that are in `platforms`, or, for an
 * entry without `arch`, every one of `platforms` (as OSBS builds every platform of the build
 * unless an image excludes some). Empty: the entry is not built by this job.
 */
export function platformsOf(image: ContainerImage, platforms: readonly string[]): string[] {
  if (image.arch.length === 0) return [...platforms];
  return platforms.filter(p => image.arch.includes(p));
}

/** A `platforms`-style list (already split), checked: each `os/arch[/variant]`, no repeats. */
export function checkPlatformList(values: readonly string[], field: string): string[] {
  const errors: InputError[] = [];
  values.forEach((p, i) => {
    if (!PLATFORM_RE.test(p))
      errors.push(
        new InputError(
          `${field}[${i}]`,
          `"${p}" is not a platform like "linux/amd64" or "linux/arm/v7"`
        )
      );
  });
  if (errors.length > 0) throw new InputErrors(errors);
  return [...new Set(values)];
}
