import {Readable} from 'node:stream';
import {drain} from './http.js';
import {Repository} from './repository.js';
import {header} from './transport.js';

/** The outcome of asking for a cross-repository mount. */
export type MountResult =
  {readonly mounted: true} | {readonly mounted: false; readonly location: string};

/**
 * Start an upload, asking to mount `digest` from `from` in the same registry
 * (`POST /blobs/uploads/?mount=&from=`): 201 means mounted; 202 means the registry declined
 * (blob not found or not readable there) and opened an ordinary upload session instead.
 */
export async function mountBlob(
  dest: Repository,
  digest: string,
  from: string
): Promise<MountResult> {
  const query = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
  const res = await dest.transport.request({
    ...dest.base('mount blob', 'POST', `blobs/uploads/${query}`),
    headers: {'content-length': 0},
    expect: [201, 202]
  });
  await drain(res.body);
  if (res.status === 201) return {mounted: true};
  return {mounted: false, location: uploadLocation(dest, header(res, 'location'))};
}

/**
 * Upload a whole blob in one request (`POST /blobs/uploads/?digest=` with the bytes), which the
 * distribution spec lets a registry support. 201: committed. Otherwise the registry does not
 * take blobs this way: 202 opened an ordinary session (it ignored the bytes), whose location
 * comes back; 400, 405 or 415 refused the form. One attempt: the caller retries the blob.
 */
export async function postBlob(
  dest: Repository,
  digest: string,
  size: number,
  open: () => Promise<Readable>
): Promise<{committed: boolean; location?: string}> {
  const res = await dest.transport.request({
    ...dest.base('upload blob', 'POST', `blobs/uploads/?digest=${encodeURIComponent(digest)}`),
    headers: {'content-type': 'application/octet-stream', 'content-length': size},
    body: open,
    expect: [201, 202, 400, 405, 415],
    retry: false
  });
  await drain(res.body);
  if (res.status === 201) return {committed: true};
  const location = res.status === 202 ? header(res, 'location') : undefined;
  return {committed: false, ...(location && {location: uploadLocation(dest, location)})};
}

/** Open an upload session (`POST /blobs/uploads/`) and return its location. */
export async function startUpload(dest: Repository): Promise<string> {
  const res = await dest.transport.request({
    ...dest.base('start blob upload', 'POST', 'blobs/uploads/'),
    headers: {'content-length': 0},
    expect: [202]
  });
  await drain(res.body);
  return uploadLocation(dest, header(res, 'location'));
}

/** How to send the bytes of one upload. */
export interface UploadBody {
  readonly digest: string;
  readonly size: number;
  /** The bytes, opened afresh for every request that sends them (a stream is consumed once). */
  readonly open: () => Promise<Readable>;
  /** Send in PATCH chunks of this size instead of one PUT (for proxies with body limits). */
  readonly chunkSize?: number;
}

/**
 * Send a blob into an upload session and commit it, in one attempt (a failed session may hold
 * partial data, so the caller retries with a new session). Monolithic: `PUT <location>?digest=`
 * with the streamed body; chunked: `PATCH` with `Content-Range` per chunk, then an empty PUT.
 */
export async function uploadBlob(
  dest: Repository,
  location: string,
  body: UploadBody
): Promise<void> {
  let url = location;
  if (body.chunkSize !== undefined && body.size > body.chunkSize) {
    const chunks = chunked(await body.open());
    for (let offset = 0; offset < body.size;) {
      const length = Math.min(body.chunkSize, body.size - offset);
      const chunk = await chunks.next(length);
      const res = await dest.transport.request({
        ...dest.base('upload blob chunk', 'PATCH', ''),
        path: url,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': length,
          'content-range': `${offset}-${offset + length - 1}`
        },
        body: () => chunk,
        expect: [202],
        retry: false
      });
      await drain(res.body);
      // Each PATCH answers with the Location for the next request (it may carry new state).
      url = uploadLocation(dest, header(res, 'location') ?? url);
      offset += length;
    }
    await chunks.done();
    return commit(dest, url, body.digest, 0, undefined);
  }
  return commit(dest, url, body.digest, body.size, body.open);
}

async function commit(
  dest: Repository,
  location: string,
  digest: string,
  size: number,
  open: (() => Promise<Readable>) | undefined
): Promise<void> {
  const url = new URL(location, 'http://relative.invalid');
  url.searchParams.set('digest', digest);
  // Keep a relative Location relative: the transport resolves it against the registry origin.
  const path = /^[a-z]+:\/\//i.test(location) ? url.toString() : `${url.pathname}${url.search}`;
  const headers: Record<string, string | number> = {'content-length': size};
  if (open) headers['content-type'] = 'application/octet-stream';
  const res = await dest.transport.request({
    ...dest.base('upload blob', 'PUT', ''),
    path,
    headers,
    ...(open && {body: open}),
    expect: [201, 204],
    retry: false
  });
  await drain(res.body);
}

/** The upload `Location`, absolute or relative to the registry (the transport resolves both). */
function uploadLocation(dest: Repository, location: string | undefined): string {
  if (!location) throw dest.error('start blob upload', 'the registry sent no Location', true);
  return location;
}

/**
 * Split a stream into consecutive Buffers of the requested lengths. A chunk is buffered so a
 * chunk request can be rebuilt; callers keep chunks small (tens of MiB).
 */
function chunked(source: Readable) {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let leftover: Buffer | undefined;
  return {
    async next(length: number): Promise<Buffer> {
      const parts: Buffer[] = [];
      let have = 0;
      while (have < length) {
        let piece = leftover;
        leftover = undefined;
        if (!piece) {
          const {value, done} = await iterator.next();
          if (done) break;
          piece = value;
        }
        const take = Math.min(piece.length, length - have);
        parts.push(piece.subarray(0, take));
        if (take < piece.length) leftover = piece.subarray(take);
        have += take;
      }
      return Buffer.concat(parts, have);
    },
    async done(): Promise<void> {
      // Drain to the end so the verifier's final digest check runs.
      for (;;) {
        const {done} = await iterator.next();
        if (done) return;
      }
    }
  };
}
