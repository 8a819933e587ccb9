/**
 * A deliberately hostile registry on loopback: it speaks enough of the distribution API to be
 * mirrored or promoted from, and lets a test replace any answer with a hostile one — tag lists
 * with traversal or control characters, bad digests, lying Content-Length, redirects and Link
 * headers to other origins, giant bodies. Every request is recorded, so a test can show that
 * nothing was written and that no request left for another origin.
 */
import {createHash} from 'node:crypto';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {type AddressInfo} from 'node:net';

export interface HostileRequest {
  readonly method: string;
  /** Path with query, as received. */
  readonly path: string;
  readonly authorization?: string;
}

export interface HostileAnswer {
  readonly status?: number;
  readonly headers?: Record<string, string | number>;
  readonly body?: string | Buffer;
  /**
   * Bytes written straight to the socket (status line, headers and body as the test wants
   * them, e.g. a Content-Length that lies), after which the connection is closed.
   */
  readonly raw?: string | Buffer;
}

/** A hostile override: return an answer to take over the request, undefined for the default. */
export type HostileRoute = (request: HostileRequest) => HostileAnswer | undefined;

export interface HostileRegistry {
  /** `127.0.0.1:PORT` (plain HTTP, anonymous). */
  readonly host: string;
  readonly requests: HostileRequest[];
  /** Requests other than GET and HEAD. */
  writes(): HostileRequest[];
  /** Serve `content` under `reference` (a tag, or its digest) for any repository name. */
  manifest(reference: string, content: Buffer, mediaType: string): string;
  /** Serve a blob under its digest; returns the digest. */
  blob(content: Buffer): string;
  /** A small valid image (config + one layer) under `tag`; returns its manifest digest. */
  image(tag: string, seed?: string): string;
  /** The `tags/list` answer for every repository: a value (JSON-encoded) plus headers. */
  tags(value: unknown, headers?: Record<string, string>): void;
  /** Take over requests (the latest route added is asked first). */
  route(route: HostileRoute): void;
  /** Forget the routes, manifests, blobs, tag list and recorded requests. */
  reset(): void;
  stop(): Promise<void>;
}

const sha256 = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

export async function startHostileRegistry(): Promise<HostileRegistry> {
  const requests: HostileRequest[] = [];
  let routes: HostileRoute[] = [];
  let manifests = new Map<string, {content: Buffer; mediaType: string}>();
  let blobs = new Map<string, Buffer>();
  let tagList: {value: unknown; headers: Record<string, string>} | undefined;

  const answer = (req: IncomingMessage, res: ServerResponse, a: HostileAnswer): void => {
    if (a.raw !== undefined) {
      res.socket?.end(a.raw);
      return;
    }
    const body = a.body ?? '';
    res.writeHead(a.status ?? 200, {
      'content-length': Buffer.byteLength(body),
      ...a.headers
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const fallback = (request: HostileRequest): HostileAnswer => {
    const path = request.path.replace(/\?.*$/, '');
    if (path === '/v2/' || path === '/v2') return {body: '{}'};
    if (/\/tags\/list$/.test(path) && tagList) {
      return {
        headers: {'content-type': 'application/json', ...tagList.headers},
        body: JSON.stringify(tagList.value)
      };
    }
    const m = /\/manifests\/([^/]+)$/.exec(path);
    const found = m && manifests.get(decodeURIComponent(m[1]));
    if (found) {
      return {
        headers: {'content-type': found.mediaType, 'docker-content-digest': sha256(found.content)},
        body: found.content
      };
    }
    const b = /\/blobs\/(sha256:[0-9a-f]{64})$/.exec(path);
    const blob = b && blobs.get(b[1]);
    if (blob) return {headers: {'docker-content-digest': b![1]}, body: blob};
    return {
      status: 404,
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({errors: [{code: 'NAME_UNKNOWN', message: 'not here'}]})
    };
  };

  const server = createServer((req, res) => {
    const request: HostileRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      ...(req.headers.authorization && {authorization: req.headers.authorization})
    };
    requests.push(request);
    req.resume();
    req.on('end', () => {
      for (const route of [...routes].reverse()) {
        const a = route(request);
        if (a) return answer(req, res, a);
      }
      answer(req, res, fallback(request));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;

  const registry: HostileRegistry = {
    host: `127.0.0.1:${port}`,
    requests,
    writes: () => requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD'),
    manifest(reference, content, mediaType) {
      const digest = sha256(content);
      manifests.set(reference, {content, mediaType});
      manifests.set(digest, {content, mediaType});
      return digest;
    },
    blob(content) {
      const digest = sha256(content);
      blobs.set(digest, content);
      return digest;
    },
    image(tag, seed = tag) {
      const config = Buffer.from(
        JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          config: {Labels: {seed}},
          rootfs: {type: 'layers', diff_ids: []}
        })
      );
      const layer = Buffer.from(`layer of ${seed}`);
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: registry.blob(config),
            size: config.length
          },
          layers: [
            {
              mediaType: 'application/vnd.oci.image.layer.v1.tar',
              digest: registry.blob(layer),
              size: layer.length
            }
          ]
        })
      );
      return registry.manifest(tag, manifest, OCI_MANIFEST);
    },
    tags(value, headers = {}) {
      tagList = {value, headers};
    },
    route(route) {
      routes.push(route);
    },
    reset() {
      routes = [];
      manifests = new Map();
      blobs = new Map();
      tagList = undefined;
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
  return registry;
}

/** An empty OCI index: a manifest that references no blob, so a copy needs nothing else. */
export function emptyIndex(note = 'hostile'): Buffer {
  return Buffer.from(
    JSON.stringify({schemaVersion: 2, mediaType: OCI_INDEX, manifests: [], annotations: {note}})
  );
}
