import {Readable, Writable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {sha256Digest} from '../../../shared/registry/digest.js';
import {VerifyStream} from '../../../shared/registry/verify-stream.js';

const data = Buffer.from('x'.repeat(100_000));
const chunks = (buf: Buffer) =>
  Readable.from([buf.subarray(0, 40_000), buf.subarray(40_000, 80_000), buf.subarray(80_000)]);

async function run(
  input: Buffer,
  digest: string,
  size: number
): Promise<{out: number; error?: Error}> {
  let out = 0;
  const sink = new Writable({write: (c: Buffer, _e, done) => ((out += c.length), done())});
  const error = await pipeline(chunks(input), new VerifyStream(digest, size), sink).then(
    () => undefined,
    e => e
  );
  return {out, error};
}

test('passes verified bytes through unchanged', async () => {
  expect(await run(data, sha256Digest(data), data.length)).toEqual({
    out: data.length,
    error: undefined
  });
});

test('holds the last chunk back when the digest is wrong', async () => {
  const other = Buffer.from(data);
  other[99_999] = 0x79;
  const {out, error} = await run(other, sha256Digest(data), data.length);
  expect(out).toBeLessThan(data.length);
  expect(error).toMatchObject({name: 'DigestMismatchError', temporary: false});
});

test('a short body is a temporary failure, a long one is not', async () => {
  expect(
    (await run(data.subarray(0, 90_000), sha256Digest(data), data.length)).error
  ).toMatchObject({temporary: true});
  expect((await run(data, sha256Digest(data), 50_000)).error).toMatchObject({temporary: false});
});
