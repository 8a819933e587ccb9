import {Readable} from 'node:stream';
import {RepositoryName} from '../model/reference.js';
import {pullScope, pushScope} from './auth.js';
import {startUpload, uploadBlob} from './blob-upload.js';
import {RegistryContext} from './context.js';
import {sha256Digest} from './digest.js';
import {RegistryError} from './errors.js';
import {OCI_EMPTY, OCI_MANIFEST} from './media-types.js';
import {isUntagPlaceholder} from './placeholder.js';
import {Repository} from './repository.js';
import {withRetry} from './retry.js';
import {isTemporaryFailure} from './transport.js';
import {ImageManifest, RawManifest} from './types.js';

/** A small document stored as an OCI artifact. */
export interface ArtifactContent {
  /** The manifest's `artifactType`, also the payload layer's media type. */
  readonly artifactType: string;
  readonly payload: Buffer;
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Carry the (UTF-8, small) payload in the manifest itself, under the `PAYLOAD_ANNOTATION`,
   * with the empty descriptor as its only layer: one manifest PUT and no blob of its own, for
   * records written often next to images (a blob upload costs a session and two round trips).
   */
  readonly inline?: boolean;
}

/** The annotation an inline artifact keeps its payload in. */
export const PAYLOAD_ANNOTATION = 'dev.imagegate.payload';

// The OCI empty descriptor: config of artifacts that have none
// (https://github.com/opencontainers/image-spec/blob/main/manifest.md#guidance-for-an-empty-descriptor);
// its content is the two bytes `{}`.
const EMPTY = Buffer.from('{}');
const EMPTY_DESCRIPTOR = {mediaType: OCI_EMPTY, digest: sha256Digest(EMPTY), size: 2, data: 'e30='};

/**
 * Store `content` under `ref.tag` as an OCI 1.1 artifact manifest (empty config, one layer with
 * the payload), replacing what the tag held; returns the manifest digest.
 */
export async function putArtifact(
  ctx: RegistryContext,
  ref: RepositoryName & {tag: string},
  content: ArtifactContent
): Promise<string> {
  const repo = ctx.repository(ref, [pushScope(ref.repository)]);
  const layer = content.inline
    ? EMPTY_DESCRIPTOR
    : {
        mediaType: content.artifactType,
        digest: sha256Digest(content.payload),
        size: content.payload.length
      };
  await Promise.all([
    pushBytes(ctx, repo, EMPTY),
    ...(content.inline ? [] : [pushBytes(ctx, repo, content.payload)])
  ]);
  const annotations = {
    ...content.annotations,
    ...(content.inline && {[PAYLOAD_ANNOTATION]: content.payload.toString('utf8')})
  };
  const parsed = {
    schemaVersion: 2 as const,
    mediaType: OCI_MANIFEST,
    artifactType: content.artifactType,
    config: EMPTY_DESCRIPTOR,
    layers: [layer],
    ...(Object.keys(annotations).length > 0 && {annotations})
  };
  const bytes = Buffer.from(JSON.stringify(parsed));
  const manifest: RawManifest = {
    digest: sha256Digest(bytes),
    mediaType: OCI_MANIFEST,
    bytes,
    parsed
  };
  await repo.putManifest(ref.tag, manifest);
  return manifest.digest;
}

/**
 * The payload of the artifact under `ref.tag`, or undefined when the tag does not exist (or is
 * on an untag placeholder); fails
 * when the tag holds something other than an `artifactType` artifact or the payload exceeds `limit`.
 */
export async function getArtifact(
  ctx: RegistryContext,
  ref: RepositoryName & {tag: string},
  artifactType: string,
  limit: number
): Promise<Buffer | undefined> {
  const repo = ctx.repository(ref, [pullScope(ref.repository)]);
  if (!(await repo.headManifest(ref.tag))) return undefined;
  const raw = await repo.getManifest(ref.tag);
  // A tag on an untag placeholder is a deletion that did not finish: the artifact is gone.
  if (isUntagPlaceholder(raw)) return undefined;
  const manifest = raw.parsed as ImageManifest & {
    artifactType?: string;
    annotations?: Record<string, unknown>;
  };
  const type = manifest.artifactType ?? manifest.config?.mediaType;
  const inline = manifest.annotations?.[PAYLOAD_ANNOTATION];
  if (type === artifactType && typeof inline === 'string') {
    const payload = Buffer.from(inline, 'utf8');
    if (payload.length > limit) {
      throw repo.error(
        'read artifact',
        `payload of ${payload.length} bytes exceeds ${limit}`,
        false
      );
    }
    return payload;
  }
  const layer = manifest.layers?.[0];
  if (type !== artifactType || !layer) {
    throw new RegistryError({
      operation: 'read artifact',
      registry: ref.registry,
      repository: ref.repository,
      reason: `${ref.tag} is not a ${artifactType} artifact (found ${type ?? raw.mediaType})`,
      temporary: false
    });
  }
  if (layer.size > limit) {
    throw repo.error('read artifact', `payload of ${layer.size} bytes exceeds ${limit}`, false);
  }
  return repo.readBlob(layer.digest, limit);
}

/** Upload bytes held in memory unless the repository already has them. */
async function pushBytes(ctx: RegistryContext, repo: Repository, bytes: Buffer): Promise<void> {
  const digest = sha256Digest(bytes);
  if (await repo.hasBlob(digest)) return;
  await withRetry(
    async () => {
      const session = await startUpload(repo);
      await uploadBlob(repo, session, {
        digest,
        size: bytes.length,
        open: async () => Readable.from([bytes])
      });
    },
    ctx.blobs.retry,
    ctx.clock,
    {isTemporary: isTemporaryFailure}
  );
}
