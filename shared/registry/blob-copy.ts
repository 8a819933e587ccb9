import {Readable} from 'node:stream';
import {pullScope} from './auth.js';
import {BlobLedger} from './blob-ledger.js';
import {RegistryCapabilities} from './capabilities.js';
import {readBody, type SendResponse} from './http.js';
import {RegistryError, causeMessage} from './errors.js';
import {mountBlob, postBlob, startUpload, uploadBlob} from './blob-upload.js';
import {Repository} from './repository.js';
import {Clock, RetryPolicy, withRetry} from './retry.js';
import {Logger, isTemporaryFailure} from './transport.js';
import {Descriptor} from './types.js';
import {VerifyStream} from './verify-stream.js';

/** How one blob reached the destination. */
export type BlobOutcome = 'skipped' | 'mounted' | 'copied';

/** Settings for moving blobs. */
export interface BlobCopyOptions {
  /**
   * A repository of the destination registry that may hold the blob, tried when the run knows
   * of none that does: the source repository, when source and destination share a registry.
   */
  readonly mountFrom?: string;
  /** Where this run knows blobs to be (mount sources); told what this copy did. */
  readonly ledger?: BlobLedger;
  /** What each registry supports (mount, one-request upload), learned as it answers. */
  readonly capabilities?: RegistryCapabilities;
  readonly chunkSize?: number;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Blobs up to this size are read into memory once (verified) and try the one-request upload
 * while the registry's support for it is unknown: a registry that ignores the bytes of a POST
 * wastes little, and keeps the connection (it discards a small unread body).
 */
const SMALL_BLOB = 64 * 1024;

/**
 * Make `dest` hold the blob: HEAD first (skip when present); then mount it from a repository
 * of the same registry known to hold it (this run put it there, or the source shares the
 * registry); else stream it from the source GET straight into the destination upload while
 * checking digest and size. The source GET and the upload session open together, one round
 * trip for both; where the registry takes a whole blob in one POST, that POST is the upload.
 * Each upload attempt uses a fresh session and a fresh source GET, since a failed session may
 * hold partial data.
 */
export async function copyBlob(
  source: Repository,
  dest: Repository,
  blob: Descriptor,
  options: BlobCopyOptions
): Promise<BlobOutcome> {
  const {ledger, capabilities} = options;
  const registry = dest.registry;
  const held = (): void => ledger?.holds(registry, dest.name, blob.digest);
  if (await dest.hasBlob(blob.digest)) {
    held();
    return 'skipped';
  }
  let session: string | undefined;
  const known = ledger?.holder(registry, blob.digest, dest.name);
  const from = known ?? (options.mountFrom !== dest.name ? options.mountFrom : undefined);
  if (from !== undefined && capabilities?.get(registry, 'mount') !== false) {
    const scopes = [...new Set([...dest.scopes, pullScope(from)])];
    const mount = await mountBlob(dest.withScopes(scopes), blob.digest, from);
    if (mount.mounted) {
      capabilities?.set(registry, 'mount', true);
      held();
      return 'mounted';
    }
    // Declined although this run put the blob there: the registry does not mount.
    if (known !== undefined) capabilities?.set(registry, 'mount', false);
    // 202: an ordinary upload session instead; the bytes go into it.
    session = mount.location;
  }
  await upload(source, dest, blob, session, options);
  held();
  return 'copied';
}

async function upload(
  source: Repository,
  dest: Repository,
  blob: Descriptor,
  session: string | undefined,
  options: BlobCopyOptions
): Promise<void> {
  const {capabilities} = options;
  const small = blob.size <= SMALL_BLOB;
  // A small blob is read once, verified, and kept for every request that sends it.
  let smallBytes: Promise<Buffer> | undefined;
  const request = async (): Promise<SendResponse> => {
    const res = await source.getBlob(blob.digest);
    // A source announcing more bytes than the descriptor says would only be cut off at the
    // size; fail now instead of streaming (or waiting for) the rest.
    const announced = Number(res.headers['content-length'] ?? blob.size);
    if (announced > blob.size) {
      res.body.destroy();
      throw new RegistryError({
        operation: 'GET blob',
        registry: source.registry,
        repository: source.name,
        reason: `the registry announces ${announced} bytes for ${blob.digest} of ${blob.size} bytes`,
        temporary: false
      });
    }
    return res;
  };
  // The body is only piped through the digest and size check once an upload asks for it, so
  // nothing can fail before someone listens.
  const verified = (res: SendResponse): Readable => {
    const verify = new VerifyStream(blob.digest, blob.size);
    res.body.on('error', error => verify.destroy(error));
    verify.on('close', () => res.body.destroy());
    return res.body.pipe(verify);
  };
  await withRetry(
    async () => {
      // The source GET goes out now, beside the session POST; its answer waits, unread.
      const first = smallBytes ? undefined : request();
      first?.catch(() => undefined);
      let taken = false;
      const fetch = (): Promise<SendResponse> => {
        const res = !taken && first ? first : request();
        taken = true;
        return res;
      };
      const read = (): Promise<Buffer> => {
        const bytes = (smallBytes ??= fetch().then(res => readBody(verified(res), blob.size)));
        bytes.catch(() => {
          if (smallBytes === bytes) smallBytes = undefined;
        });
        return bytes;
      };
      const open = async (): Promise<Readable> =>
        small ? Readable.from([await read()], {objectMode: false}) : verified(await fetch());
      try {
        // A small blob is read and verified before the destination is touched: a source that
        // lies about it costs no write at all (a large one streams, checked on the way).
        if (small) await read();
        // One POST with the bytes where the registry takes it; while unknown, one small blob
        // asks (the others go the usual way meanwhile, with no wait).
        const registry = dest.registry;
        const known = capabilities?.get(registry, 'monolithic-post');
        const asks =
          session === undefined &&
          (known === true ||
            (known === undefined &&
              small &&
              (capabilities?.claim(registry, 'monolithic-post') ?? true)));
        if (asks) {
          let posted: {committed: boolean; location?: string};
          try {
            posted = await postBlob(dest, blob.digest, blob.size, open);
          } catch (error) {
            if (known === undefined) capabilities?.release(registry, 'monolithic-post');
            throw error;
          }
          capabilities?.set(registry, 'monolithic-post', posted.committed);
          if (posted.committed) return;
          session = posted.location;
        }
        const location = session ?? (await startUpload(dest));
        session = undefined;
        await uploadBlob(dest, location, {
          digest: blob.digest,
          size: blob.size,
          open,
          chunkSize: options.chunkSize
        });
      } finally {
        if (first && !taken)
          first.then(
            res => res.body.destroy(),
            () => undefined
          );
      }
    },
    options.retry,
    options.clock,
    {
      isTemporary: isTemporaryFailure,
      retryAfterMs: e => (e instanceof RegistryError ? e.retryAfterMs : undefined),
      onRetry: (e, n, delay) =>
        options.logger.debug(
          `retry ${n} of blob ${blob.digest} in ${delay} ms: ${causeMessage(e) ?? String(e)}`
        )
    }
  );
}
