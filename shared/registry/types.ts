import {digestProblem} from '../model/grammar.js';
import {quoteOutside} from '../model/outside-text.js';
import {OCI_INDEX, OCI_MANIFEST, isImageManifest, isIndex} from './media-types.js';

/** A content descriptor (https://github.com/opencontainers/image-spec/blob/main/descriptor.md). */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
  readonly annotations?: Record<string, string>;
  readonly urls?: string[];
}

/** A platform entry of an index (https://github.com/opencontainers/image-spec/blob/main/image-index.md). */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  readonly 'os.version'?: string;
}

/** An image manifest, OCI or Docker v2 schema 2 (https://github.com/opencontainers/image-spec/blob/main/manifest.md). */
export interface ImageManifest {
  readonly schemaVersion: 2;
  readonly mediaType?: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly subject?: Descriptor;
  readonly annotations?: Record<string, string>;
}

/** An OCI index or Docker manifest list. */
export interface ImageIndex {
  readonly schemaVersion: 2;
  readonly mediaType?: string;
  readonly manifests: readonly Descriptor[];
  readonly annotations?: Record<string, string>;
}

/** A manifest as stored: the exact bytes (whose hash is the digest) plus the parsed form. */
export interface RawManifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  readonly parsed: ImageManifest | ImageIndex;
}

/** A media type as RFC 6838 spells it (`type/subtype+suffix`), nothing else. */
const MEDIA_TYPE_RE =
  /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

/**
 * Why a descriptor read from a registry cannot be used, or undefined. Its digest goes into URLs
 * of the destination and its size bounds the bytes read, so both must follow their grammar.
 */
function descriptorProblem(value: unknown, at: string): string | undefined {
  if (typeof value !== 'object' || value === null) return `${at} is not a descriptor`;
  const d = value as Record<string, unknown>;
  if (typeof d.digest !== 'string') return `${at}.digest is missing`;
  const digest = digestProblem(d.digest);
  if (digest) return `${at}.digest: ${digest}`;
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
    return `${at}.size is not a byte count`;
  if (typeof d.mediaType !== 'string' || !MEDIA_TYPE_RE.test(d.mediaType))
    return `${at}.mediaType is not a media type`;
  return undefined;
}

/** Why the bytes are not a manifest we can copy, or undefined when they are. */
export function manifestProblem(parsed: unknown, mediaType: string): string | undefined {
  if (typeof parsed !== 'object' || parsed === null) return 'the manifest is not a JSON object';
  const m = parsed as Record<string, unknown>;
  if (m.schemaVersion !== 2)
    return `unsupported schemaVersion ${quoteOutside(String(m.schemaVersion), 20)}`;
  if (isIndex(mediaType)) {
    if (!Array.isArray(m.manifests)) return 'the index has no "manifests" array';
    for (const [i, entry] of m.manifests.entries()) {
      const problem = descriptorProblem(entry, `manifests[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isImageManifest(mediaType)) {
    const ok = typeof m.config === 'object' && m.config !== null && Array.isArray(m.layers);
    if (!ok) return 'the manifest has no "config" and "layers"';
    for (const [i, entry] of [m.config, ...(m.layers as unknown[])].entries()) {
      const problem = descriptorProblem(entry, i === 0 ? 'config' : `layers[${i - 1}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  return `unsupported manifest media type ${quoteOutside(mediaType, 100)}`;
}

/**
 * The media type of a manifest: its own `mediaType` field when present (required by Docker v2s2,
 * optional in OCI), else the `Content-Type` the registry sent.
 */
export function manifestMediaType(parsed: unknown, contentType: string | undefined): string {
  const own = (parsed as {mediaType?: unknown} | null)?.mediaType;
  if (typeof own === 'string' && own !== '') return own;
  const header = (contentType ?? '').split(';')[0].trim();
  if (header !== '' && header !== 'application/json') return header;
  // OCI manifests may omit mediaType; a "layers" field tells an image from an index.
  return (parsed as {manifests?: unknown} | null)?.manifests !== undefined
    ? OCI_INDEX
    : OCI_MANIFEST;
}

/** Whether a parsed manifest is an index. */
export function isIndexManifest(raw: RawManifest): raw is RawManifest & {parsed: ImageIndex} {
  return isIndex(raw.mediaType);
}

/** The blobs an image manifest references: config first, then layers (foreign `urls` layers skipped). */
export function imageBlobs(manifest: ImageManifest): Descriptor[] {
  // Foreign layers (Windows base images) live outside the registry and are never pushed.
  const layers = manifest.layers.filter(l => !(l.urls && l.urls.length > 0));
  return [manifest.config, ...layers];
}
