import {ImageReference, RepositoryName, formatReference} from '../model/reference.js';
import {pullScope, pushScope} from './auth.js';
import {BlobOutcome, copyBlob} from './blob-copy.js';
import {RegistryContext} from './context.js';
import {sha256Digest} from './digest.js';
import {RegistryError} from './errors.js';
import {isIndex} from './media-types.js';
import {PlatformFilter, formatPlatform, matchesPlatform} from './platform.js';
import {Repository} from './repository.js';
import {ImageIndex, ImageManifest, RawManifest, imageBlobs} from './types.js';

/** Per-tag outcome: `skipped` when the destination tag already held the digest. */
export interface TagOutcome {
  readonly tag: string;
  readonly status: 'written' | 'skipped';
}

/** What a copy did. */
export interface CopyResult {
  /** The digest now at the destination (differs from the source only with a platform filter). */
  readonly digest: string;
  readonly mediaType: string;
  readonly tags: readonly TagOutcome[];
  readonly blobs: {copied: number; mounted: number; skipped: number};
  /** Blob bytes uploaded to the destination ("bytes moved"). */
  readonly bytes: number;
  /** Child manifests written (0 for a single image or when all were present). */
  readonly manifests: number;
}

/** Copy options. */
export interface CopyOptions {
  /** Keep only these platforms of an index (one match: the image itself is copied). */
  readonly platforms?: readonly PlatformFilter[];
}

/**
 * Copy an image or index to `dest` under each of `tags` (none: by digest only), keeping its digest.
 * Skips tags that already hold the digest; otherwise moves each blob once (HEAD first, mount
 * within a registry, else streamed), writes children before the index, then PUTs every tag.
 */
export async function copyImage(
  ctx: RegistryContext,
  source: ImageReference,
  dest: RepositoryName,
  tags: readonly string[],
  options: CopyOptions = {}
): Promise<CopyResult> {
  const mount = source.registry === dest.registry && source.repository !== dest.repository;
  const src = ctx.repository(source, [pullScope(source.repository)]);
  const dstScopes = [pushScope(dest.repository), ...(mount ? [pullScope(source.repository)] : [])];
  const dst = ctx.repository(dest, dstScopes);
  const reference = source.digest ?? source.tag ?? 'latest';
  const filters = options.platforms;

  // Identify the source cheaply (HEAD is not counted as a pull by Docker Hub) while HEADing the
  // destination tags in parallel: the second copy of an unchanged image costs one round trip.
  const identify = async (): Promise<{digest: string; mediaType: string; top?: RawManifest}> => {
    if (filters && filters.length > 0) {
      const selected = await selectPlatforms(src, await src.getManifest(reference), filters);
      return {digest: selected.digest, mediaType: selected.mediaType, top: selected};
    }
    if (source.digest) return {digest: source.digest, mediaType: ''};
    const head = await src.headManifest(reference);
    if (!head) throw notFound(source);
    return head;
  };
  const [identity, heads] = await Promise.all([
    identify(),
    Promise.all(tags.map(t => dst.headManifest(t)))
  ]);
  const {digest, mediaType} = identity;
  let top = identity.top;
  const present = heads.map(h => h?.digest === digest);
  const result = {blobs: {copied: 0, mounted: 0, skipped: 0}, bytes: 0, manifests: 0};
  // Without tags (push by digest), the digest itself is what may already be there.
  const done =
    tags.length > 0 ? present.every(Boolean) : (await dst.headManifest(digest)) !== undefined;
  if (done) {
    ctx.logger.debug(`${formatReference(source)}: every destination tag already holds ${digest}`);
    return {
      ...result,
      digest,
      mediaType: top?.mediaType ?? (mediaType || heads[0]?.mediaType || ''),
      tags: tags.map(skipped)
    };
  }
  top ??= await src.getManifest(digest);

  const transfers = new Map<string, Promise<BlobOutcome>>();
  const blob = (d: {digest: string; size: number; mediaType: string}): Promise<BlobOutcome> => {
    let transfer = transfers.get(d.digest);
    if (!transfer) {
      // A blob already on its way into this registry (another image sharing a base) is waited
      // for, then mounted: each shared blob is uploaded once per registry. Waiting holds no
      // transfer slot.
      const options = {
        ...ctx.blobs,
        ledger: ctx.ledger,
        ...(mount && {mountFrom: source.repository})
      };
      const mounts = ctx.capabilities.get(dest.registry, 'mount') !== false;
      transfer = ctx.ledger.after(
        dest.registry,
        dest.repository,
        d.digest,
        () => ctx.limiter(dest.registry).run(() => copyBlob(src, dst, d, options)),
        mounts
      );
      transfer.then(
        outcome => {
          result.blobs[outcome]++;
          if (outcome === 'copied') result.bytes += d.size;
        },
        () => undefined
      );
      transfers.set(d.digest, transfer);
    }
    return transfer;
  };
  const pushContent = async (manifest: RawManifest): Promise<void> => {
    if (!isIndex(manifest.mediaType)) {
      // Largest first, so a big layer never starts last and runs alone.
      const blobs = imageBlobs(manifest.parsed as ImageManifest).sort((x, y) => y.size - x.size);
      await Promise.all(blobs.map(blob));
      return;
    }
    // Children first: a registry may refuse an index whose manifests it does not hold.
    await Promise.all(
      (manifest.parsed as ImageIndex).manifests.map(async child => {
        if (await dst.headManifest(child.digest)) return;
        const raw = await src.getManifest(child.digest);
        await pushContent(raw);
        await dst.putManifest(child.digest, raw);
        result.manifests++;
      })
    );
  };
  try {
    await pushContent(top);
  } finally {
    // On failure too: no transfer may outlive the call (and the stats land before reporting).
    await Promise.allSettled(transfers.values());
  }

  const manifest = top;
  if (tags.length === 0) await dst.putManifest(manifest.digest, manifest);
  await Promise.all(tags.map((t, i) => (present[i] ? undefined : dst.putManifest(t, manifest))));
  return {
    ...result,
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    tags: tags.map((tag, i) => (present[i] ? skipped(tag) : {tag, status: 'written' as const}))
  };
}

/**
 * The digest a copy of `source` would put at the destination, found with reads only: the source
 * digest, or with a platform filter the image or reduced index the filter selects.
 */
export async function copyDigest(
  ctx: RegistryContext,
  source: ImageReference,
  options: CopyOptions = {}
): Promise<string> {
  const src = ctx.repository(source, [pullScope(source.repository)]);
  const reference = source.digest ?? source.tag ?? 'latest';
  if (options.platforms && options.platforms.length > 0) {
    const top = await src.getManifest(reference);
    return (await selectPlatforms(src, top, options.platforms)).digest;
  }
  if (source.digest) return source.digest;
  const head = await src.headManifest(reference);
  if (!head) throw notFound(source);
  return head.digest;
}

function skipped(tag: string): TagOutcome {
  return {tag, status: 'skipped'};
}

function notFound(ref: ImageReference): RegistryError {
  return new RegistryError({
    operation: 'resolve source',
    registry: ref.registry,
    repository: ref.repository,
    status: 404,
    reason: `${formatReference(ref)} does not exist`,
    temporary: false
  });
}

/**
 * Apply a platform filter: all entries match → the index unchanged; one → that image; several →
 * a new index listing only them (a new digest, since the bytes change).
 */
async function selectPlatforms(
  src: Repository,
  top: RawManifest,
  filters: readonly PlatformFilter[]
): Promise<RawManifest> {
  if (!isIndex(top.mediaType)) return top;
  const index = top.parsed as ImageIndex;
  const kept = index.manifests.filter(m => matchesPlatform(m, filters));
  if (kept.length === 0) {
    const available = index.manifests.flatMap(m =>
      m.platform ? [formatPlatform(m.platform)] : []
    );
    throw new RegistryError({
      operation: 'select platforms',
      registry: src.registry,
      repository: src.name,
      reason: `no manifest for ${filters.map(formatPlatform).join(', ')} (has ${available.join(', ')})`,
      temporary: false
    });
  }
  if (kept.length === index.manifests.length) return top;
  if (kept.length === 1) return src.getManifest(kept[0].digest);
  const original = JSON.parse(top.bytes.toString('utf8')) as Record<string, unknown>;
  const bytes = Buffer.from(JSON.stringify({...original, manifests: kept}));
  return {
    digest: sha256Digest(bytes),
    mediaType: top.mediaType,
    bytes,
    parsed: {...index, manifests: kept}
  };
}
