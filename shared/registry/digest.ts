import {createHash} from 'node:crypto';

/** The sha256 digest (`sha256:<hex>`) of some bytes. */
export function sha256Digest(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** The hash algorithm of a digest as node:crypto names it; undefined when unsupported. */
export function digestAlgorithm(digest: string): 'sha256' | 'sha512' | undefined {
  const algorithm = digest.slice(0, digest.indexOf(':'));
  return algorithm === 'sha256' || algorithm === 'sha512' ? algorithm : undefined;
}

/** Digest `data` with the same algorithm as `expected` (sha256 when it has none we know). */
export function digestLike(expected: string, data: Uint8Array): string {
  const algorithm = digestAlgorithm(expected) ?? 'sha256';
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}
