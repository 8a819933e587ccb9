/**
 * A local stand-in for GitHub's Actions cache service (v2: the Twirp `CacheService` behind
 * ACTIONS_RESULTS_URL, and the signed blob URLs it hands out), so the real @actions/cache library
 * runs unchanged in the action bundles: CreateCacheEntry, the archive upload (the Azure SDK's
 * single PUT), FinalizeCacheEntryUpload and GetCacheEntryDownloadURL. Like GitHub's, it refuses
 * a second entry for the same key and version. `refuse` injects the failures the library turns
 * into `saveCache() === -1` instead of an exception.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {type AddressInfo} from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

interface Entry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  data?: Buffer;
  finalized: boolean;
  readonly created: number;
}

export interface ActionsCacheFixture {
  /** ACTIONS_RESULTS_URL. */
  readonly url: string;
  /** The environment a runner gives a step that may use the cache (service v2). */
  readonly env: Record<string, string>;
  /** Which step of a save to refuse: the reservation, or the archive upload (403 from storage). */
  refuse?: 'reserve' | 'upload';
  /** Keys of finalized entries. */
  keys(): string[];
  stop(): Promise<void>;
}

export async function startActionsCache(): Promise<ActionsCacheFixture> {
  const entries: Entry[] = [];
  let nextId = 1;
  const fixture = {} as {refuse?: 'reserve' | 'upload'};
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, {'content-type': 'application/json'});
      res.end(JSON.stringify(value));
    };
    if (req.method === 'POST' && path.startsWith(SERVICE)) {
      const request = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      const version = String(request.version ?? '');
      switch (path.slice(SERVICE.length)) {
        case 'CreateCacheEntry': {
          const key = String(request.key);
          if (fixture.refuse === 'reserve') {
            return json(200, {ok: false, signedUploadUrl: '', message: 'reservation refused'});
          }
          if (entries.some(e => e.key === key && e.version === version)) {
            return json(409, {
              code: 'already_exists',
              msg: 'cache entry with the same key, version, and scope already exists'
            });
          }
          const entry: Entry = {id: nextId++, key, version, finalized: false, created: Date.now()};
          entries.push(entry);
          const host = req.headers.host;
          return json(200, {
            ok: true,
            signedUploadUrl: `http://${host}/devstoreaccount1/cache/${entry.id}?sig=upload`
          });
        }
        case 'FinalizeCacheEntryUpload': {
          const entry = entries.find(e => e.key === request.key && e.version === version);
          if (!entry?.data) return json(200, {ok: false, entryId: '0'});
          entry.finalized = true;
          return json(200, {ok: true, entryId: String(entry.id)});
        }
        case 'GetCacheEntryDownloadURL': {
          const restoreKeys = (request.restoreKeys as string[] | undefined) ?? [];
          const ready = entries
            .filter(e => e.finalized && e.version === version)
            .sort((a, b) => b.created - a.created);
          const found =
            ready.find(e => e.key === request.key) ??
            restoreKeys.map(p => ready.find(e => e.key.startsWith(p))).find(e => e);
          if (!found) return json(200, {ok: false, signedDownloadUrl: '', matchedKey: ''});
          return json(200, {
            ok: true,
            signedDownloadUrl: `http://${req.headers.host}/devstoreaccount1/cache/${found.id}?sig=download`,
            matchedKey: found.key
          });
        }
      }
      return json(404, {code: 'bad_route', msg: `no handler for ${path}`});
    }
    const blob = /^\/devstoreaccount1\/cache\/([0-9]+)$/.exec(path);
    const entry = blob ? entries.find(e => e.id === Number(blob[1])) : undefined;
    if (entry && req.method === 'PUT') {
      if (fixture.refuse === 'upload') {
        res.writeHead(403, {
          'content-type': 'application/xml',
          'x-ms-error-code': 'AuthorizationFailure'
        });
        res.end(
          '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationFailure</Code><Message>refused</Message></Error>'
        );
        return;
      }
      entry.data = body;
      res.writeHead(201, {
        etag: `"0x${entry.id}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-server-encrypted': 'true'
      });
      res.end();
      return;
    }
    if (entry?.data && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(entry.data.length)
      });
      res.end(entry.data);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return Object.assign(fixture, {
    url,
    env: {
      ACTIONS_RESULTS_URL: url,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RUNTIME_TOKEN: 'test-runtime-token'
    },
    keys: () => entries.filter(e => e.finalized).map(e => e.key),
    stop: () => new Promise<void>(resolve => server.close(() => resolve()))
  });
}
