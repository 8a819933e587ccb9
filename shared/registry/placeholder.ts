import {randomUUID} from 'node:crypto';
import {sha256Digest} from './digest.js';
import {OCI_INDEX, isIndex} from './media-types.js';
import {RawManifest} from './types.js';

/**
 * Marks imagegate's untag placeholders: a placeholder is never an image, so promote must never
 * point a final tag at one, and a tag found on one is a deletion that did not finish.
 */
export const PLACEHOLDER_ANNOTATION = 'dev.imagegate.placeholder';
const PLACEHOLDER_KIND = 'untag';
// imagegate 0.1 wrote placeholders before the marker existed; this annotation names them.
const LEGACY_PLACEHOLDER_ANNOTATION = 'dev.imagegate.untag.tag';

/**
 * A tiny manifest unique to this call: an OCI index with no entries (references no blob),
 * marked as a placeholder, with annotations naming the tag, the time and a nonce, so its digest
 * is shared with nothing else.
 */
export function untagPlaceholder(
  tag: string,
  now: Date,
  nonce: string = randomUUID()
): RawManifest {
  const parsed = {
    schemaVersion: 2 as const,
    mediaType: OCI_INDEX,
    manifests: [],
    annotations: {
      [PLACEHOLDER_ANNOTATION]: PLACEHOLDER_KIND,
      'org.opencontainers.image.description': 'imagegate untag placeholder',
      'org.opencontainers.image.created': now.toISOString(),
      'dev.imagegate.untag.tag': tag,
      'dev.imagegate.untag.nonce': nonce
    }
  };
  const bytes = Buffer.from(JSON.stringify(parsed));
  return {digest: sha256Digest(bytes), mediaType: OCI_INDEX, bytes, parsed};
}

/** An index that lists no manifest: nothing a final tag may ever name. */
export function isEmptyIndex(manifest: Pick<RawManifest, 'mediaType' | 'parsed'>): boolean {
  const entries = (manifest.parsed as {manifests?: unknown}).manifests;
  return isIndex(manifest.mediaType) && Array.isArray(entries) && entries.length === 0;
}

/** Whether the manifest is one of imagegate's untag placeholders (marked, or 0.1's). */
export function isUntagPlaceholder(manifest: Pick<RawManifest, 'mediaType' | 'parsed'>): boolean {
  if (!isEmptyIndex(manifest)) return false;
  const annotations = (manifest.parsed as {annotations?: Record<string, unknown>}).annotations;
  return (
    annotations?.[PLACEHOLDER_ANNOTATION] === PLACEHOLDER_KIND ||
    typeof annotations?.[LEGACY_PLACEHOLDER_ANNOTATION] === 'string'
  );
}
