import {Hash, createHash} from 'node:crypto';
import {Transform, TransformCallback} from 'node:stream';
import {digestAlgorithm} from './digest.js';

/** Raised when streamed bytes do not match their descriptor; short reads are temporary. */
export class DigestMismatchError extends Error {
  override name = 'DigestMismatchError';
  constructor(
    message: string,
    /** A short read (truncated response) can be retried; wrong bytes of the right size cannot. */
    readonly temporary: boolean
  ) {
    super(message);
  }
}

/**
 * Passes bytes through while hashing and counting them, and holds back the last chunk until the
 * digest and size are confirmed, so a corrupt blob's final bytes never reach the destination
 * and the upload request aborts before the registry can commit it.
 */
export class VerifyStream extends Transform {
  private readonly hash: Hash;
  private held?: Buffer;
  /** Bytes seen so far. */
  bytes = 0;

  constructor(
    private readonly digest: string,
    private readonly size: number
  ) {
    super({highWaterMark: 1 << 20});
    this.hash = createHash(digestAlgorithm(digest) ?? 'sha256');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.size) {
      done(new DigestMismatchError(`blob ${this.digest} is longer than ${this.size} bytes`, false));
      return;
    }
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    done(null, previous);
  }

  override _flush(done: TransformCallback): void {
    if (this.bytes < this.size) {
      const reason = `blob ${this.digest}: got ${this.bytes} of ${this.size} bytes`;
      done(new DigestMismatchError(reason, true));
      return;
    }
    const actual = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
    if (actual !== this.digest) {
      done(new DigestMismatchError(`blob ${this.digest} has digest ${actual}`, false));
      return;
    }
    done(null, this.held);
  }
}
