import {type ContainerImage} from './container-images.js';
import {type MirrorEntry} from './mirrors.js';
import {formatReference} from './reference.js';

/**
 * A list entry as imagegate reads it, in the list's own (Zuul) keys: what `imagegate validate`
 * prints, so a pasted Zuul list shows what each key became (host included, tags as text,
 * defaults applied). Absent optional values are null, so every key is always there.
 */
export interface NormalisedImage {
  readonly field: string;
  readonly context: string | null;
  readonly path: string;
  /** The entry's file, else the `container-filename` input; null: the engine's default. */
  readonly container_filename: string | null;
  /** The credentials key (Zuul's `registry`). */
  readonly registry: string;
  readonly repository: string;
  readonly tags: readonly string[];
  readonly build_args: readonly string[];
  readonly target: string | null;
  readonly siblings: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly arch: readonly string[];
}

export interface NormalisedMirror {
  readonly field: string;
  readonly src_repository: string;
  readonly dest_repository: string;
  /** The source tags, or the `/regex/` over the source's tag list. */
  readonly tags: readonly string[] | string;
  readonly dest_tag: string | null;
  readonly dest_registry: string;
  readonly platforms: readonly string[];
  readonly no_clobber: boolean;
  readonly src_digest: string | null;
}

export function normaliseImage(
  image: ContainerImage,
  defaultFilename: string | undefined
): NormalisedImage {
  return {
    field: image.field,
    context: image.context ?? null,
    path: image.path,
    container_filename: image.containerFilename ?? defaultFilename ?? null,
    registry: image.registry,
    repository: formatReference(image.repository),
    tags: image.tags,
    build_args: image.buildArgs,
    target: image.target ?? null,
    siblings: image.siblings,
    labels: image.labels,
    arch: image.arch
  };
}

export function normaliseMirror(entry: MirrorEntry): NormalisedMirror {
  return {
    field: entry.field,
    src_repository: formatReference(entry.source),
    dest_repository: formatReference(entry.destination),
    tags: entry.tags.kind === 'list' ? entry.tags.tags : `/${entry.tags.pattern.source}/`,
    dest_tag: entry.destinationTag ?? null,
    dest_registry: entry.destinationRegistry ?? entry.destination.registry,
    platforms: entry.platforms,
    no_clobber: entry.noClobber,
    src_digest: entry.sourceDigest ?? null
  };
}
