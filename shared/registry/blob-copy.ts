import {Readable} from 'node:stream';
import {type SendResponse} from './http.js';
import {RegistryError, causeMessage} from './errors.js';
import {mountBlob, startUpload, uploadBlob} from './blob-upload.js';
import {Repository} from './repository.js';
import {Clock, RetryPolicy, withRetry} from './retry.js';
import {Logger, isTemporaryFailure} from './transport.js';
import {Descriptor} from './types.js';
import {VerifyStream} from './verify-stream.js';

/** How one blob reached the destination. */
export type BlobOutcome = 'skipped' | 'mounted' | 'copied';

/** Settings for moving blobs. */
export interface BlobCopyOptions {
  /** Try a cross-repository mount (source and destination on the same registry). */
  readonly mount: boolean;
  readonly chunkSize?: number;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Make `dest` hold the blob: HEAD first (skip when present), then mount when allowed, else stream
 * it from the source GET straight into the destination upload while checking digest and size.
 * Each upload attempt uses a fresh session and a fresh source GET, since a failed session may hold
 * partial data.
 */
export async function copyBlob(
  source: Repository,
  dest: Repository,
  blob: Descriptor,
  options: BlobCopyOptions
): Promise<BlobOutcome> {
  if (await dest.hasBlob(blob.digest)) return 'skipped';
  let location: string | undefined;
  if (options.mount) {
    const mount = await mountBlob(dest, blob.digest, source.name);
    if (mount.mounted) return 'mounted';
    // 202: not mountable (e.g. the blob is not in the source repository); upload into the session.
    location = mount.location;
  }
  // The source answers before a destination session opens (a failing source leaves nothing
  // behind there); its body is only read, through the digest and size check, once the upload
  // asks for it, so nothing can fail before someone listens.
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
  const verified = (res: SendResponse): Readable => {
    const verify = new VerifyStream(blob.digest, blob.size);
    res.body.on('error', error => verify.destroy(error));
    verify.on('close', () => res.body.destroy());
    return res.body.pipe(verify);
  };
  await withRetry(
    async () => {
      let first: SendResponse | undefined = await request();
      try {
        const session = location ?? (await startUpload(dest));
        location = undefined;
        await uploadBlob(dest, session, {
          digest: blob.digest,
          size: blob.size,
          open: async () => {
            const res = first ?? (await request());
            first = undefined;
            return verified(res);
          },
          chunkSize: options.chunkSize
        });
      } finally {
        first?.body.destroy();
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
  return 'copied';
}
