import {RawManifest} from './types.js';

// Manifests are a few KiB; this holds thousands while bounding a hostile registry's effect.
const DEFAULT_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * Manifests this run already fetched by digest, per repository: a digest names exactly one
 * sequence of bytes (each was verified against it), so reading it again from the same
 * repository can only give the same answer. Promote reads an image's manifest to check its
 * labels and again to write the final tags; the second read is this cache. Least recently used
 * entries go first once `limitBytes` is reached.
 */
export class ManifestCache {
  private readonly entries = new Map<string, RawManifest>();
  private bytes = 0;

  constructor(private readonly limitBytes = DEFAULT_LIMIT_BYTES) {}

  get(registry: string, repository: string, digest: string): RawManifest | undefined {
    const k = key(registry, repository, digest);
    const hit = this.entries.get(k);
    if (hit) {
      // Map order is insertion order: re-insert to mark it recently used.
      this.entries.delete(k);
      this.entries.set(k, hit);
    }
    return hit;
  }

  /** Remember a manifest read from `repository`; only under its own digest. */
  put(registry: string, repository: string, manifest: RawManifest): void {
    if (manifest.bytes.length > this.limitBytes) return;
    const k = key(registry, repository, manifest.digest);
    if (this.entries.has(k)) return;
    this.entries.set(k, manifest);
    this.bytes += manifest.bytes.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.limitBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes.length;
    }
  }
}

function key(registry: string, repository: string, digest: string): string {
  return `${registry}/${repository}@${digest}`;
}
