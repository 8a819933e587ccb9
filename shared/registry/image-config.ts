import {ImageReference} from '../model/reference.js';
import {pullScope} from './auth.js';
import {RegistryContext} from './context.js';
import {RegistryError} from './errors.js';
import {isIndex} from './media-types.js';
import {PlatformFilter, matchesPlatform} from './platform.js';
import {ImageIndex, ImageManifest} from './types.js';

/** The parts of an image config promote and the janitor read. */
export interface ImageConfigInfo {
  /** Digest of the manifest the reference resolves to (the index's, for an index). */
  readonly digest: string;
  /** Digest of the image manifest whose config was read. */
  readonly imageDigest: string;
  readonly configDigest: string;
  /** `created` from the config, when present and valid. */
  readonly created?: Date;
  /** `config.Labels` (e.g. `org.opencontainers.image.revision`). */
  readonly labels: Readonly<Record<string, string>>;
  readonly os?: string;
  readonly architecture?: string;
}

// Image configs are small JSON documents; refuse anything absurd.
const CONFIG_LIMIT = 8 * 1024 * 1024;

/**
 * Read an image's config (https://github.com/opencontainers/image-spec/blob/main/config.md). For
 * an index, the config of the first entry matching `platform` (default: the first entry with a
 * real platform; attestation entries say `unknown/unknown`).
 */
export async function readImageConfig(
  ctx: RegistryContext,
  ref: ImageReference,
  platform?: PlatformFilter
): Promise<ImageConfigInfo> {
  const repo = ctx.repository(ref, [pullScope(ref.repository)]);
  const top = await repo.getManifest(ref.digest ?? ref.tag ?? 'latest');
  let image = top;
  if (isIndex(top.mediaType)) {
    const entries = (top.parsed as ImageIndex).manifests;
    const entry = platform
      ? entries.find(m => matchesPlatform(m, [platform]))
      : (entries.find(m => m.platform && m.platform.os !== 'unknown') ?? entries[0]);
    if (!entry) {
      throw new RegistryError({
        operation: 'read image config',
        registry: ref.registry,
        repository: ref.repository,
        reason: 'the index has no matching image',
        temporary: false
      });
    }
    image = await repo.getManifest(entry.digest);
  }
  const config = (image.parsed as ImageManifest).config;
  const bytes = await repo.readBlob(config.digest, CONFIG_LIMIT);
  const parsed = JSON.parse(bytes.toString('utf8')) as {
    created?: unknown;
    os?: unknown;
    architecture?: unknown;
    config?: {Labels?: unknown} | null;
  };
  const created = typeof parsed.created === 'string' ? new Date(parsed.created) : undefined;
  const labels = parsed.config?.Labels;
  return {
    digest: top.digest,
    imageDigest: image.digest,
    configDigest: config.digest,
    ...(created && !Number.isNaN(created.getTime()) && {created}),
    labels: typeof labels === 'object' && labels !== null ? (labels as Record<string, string>) : {},
    ...(typeof parsed.os === 'string' && {os: parsed.os}),
    ...(typeof parsed.architecture === 'string' && {architecture: parsed.architecture})
  };
}
