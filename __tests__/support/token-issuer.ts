/**
 * A Docker token-auth server (https://distribution.github.io/distribution/spec/auth/token/)
 * for the `token` registry flavour: a node:http server on loopback that answers
 * `GET /token?service=..&scope=..` and records every request, so tests can assert which
 * scopes a client asked for.
 *
 * Policy: the configured user (HTTP Basic) gets every requested action; anyone else gets
 * `pull` only with `anonymousPull`, otherwise a token without access (what Docker Hub
 * does), so the registry answers 401 `insufficient_scope`. Wrong credentials → 401 here.
 *
 * distribution 2.8 quirks honoured by the JWT:
 * - `aud` must be a plain string (2.8's ClaimSet has `Audience string`; v3 accepts lists);
 * - the signing key is found through `x5c` (the DER of our certificate, which the registry
 *   trusts because it is the `rootcertbundle`), so no libtrust `kid` computation is needed;
 * - `nbf` is back-dated a little, 2.8 applies no clock leeway.
 */
import {
  createPrivateKey,
  createSign,
  randomUUID,
  X509Certificate,
  type KeyObject
} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface TokenAccess {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenRequest {
  /** Raw `scope` parameters, e.g. `repository:team/app:pull,push`. */
  scopes: string[];
  /** The authenticated user; undefined for anonymous requests. */
  user?: string;
  service?: string;
  /** What the token granted. */
  granted: TokenAccess[];
}

export interface TokenIssuer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  url: string;
  /** The realm the registry advertises: `${url}/token`. */
  realm: string;
  service: string;
  issuer: string;
  /** PEM certificate whose key signs the tokens (the registry's rootcertbundle). */
  certFile: string;
  requests: TokenRequest[];
  stop(): Promise<void>;
}

export interface TokenIssuerOptions {
  service: string;
  username: string;
  password: string;
  certFile: string;
  keyFile: string;
  anonymousPull?: boolean;
  issuer?: string;
  ttlSeconds?: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Parses `type:name:actions`; the name may itself contain ':' only in theory, so split outside-in. */
export function parseScope(scope: string): TokenAccess | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last === first) return undefined;
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter(Boolean);
  return {type: scope.slice(0, first), name: scope.slice(first + 1, last), actions};
}

function basicUser(req: IncomingMessage): {user: string; password: string} | undefined {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return {user: decoded, password: ''};
  return {user: decoded.slice(0, colon), password: decoded.slice(colon + 1)};
}

function sign(key: KeyObject, certDer: Buffer, claims: object): string {
  const header = {typ: 'JWT', alg: 'RS256', x5c: [certDer.toString('base64')]};
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key);
  return `${input}.${b64url(signature)}`;
}

export async function startTokenIssuer(opts: TokenIssuerOptions): Promise<TokenIssuer> {
  const key = createPrivateKey(await readFile(opts.keyFile));
  const certDer = new X509Certificate(await readFile(opts.certFile)).raw;
  const issuer = opts.issuer ?? 'imagegate-test-issuer';
  const ttl = opts.ttlSeconds ?? 300;
  const requests: TokenRequest[] = [];

  const grant = (access: TokenAccess, user: string | undefined): TokenAccess => {
    let allowed: string[] = [];
    if (user !== undefined) allowed = access.actions;
    else if (opts.anonymousPull && access.type === 'repository') allowed = ['pull'];
    return {...access, actions: access.actions.filter(a => allowed.includes(a))};
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://issuer');
    if (req.method !== 'GET' || url.pathname !== '/token') {
      res.writeHead(404).end();
      return;
    }
    const creds = basicUser(req);
    if (creds && (creds.user !== opts.username || creds.password !== opts.password)) {
      res.writeHead(401, {'content-type': 'application/json'});
      res.end(JSON.stringify({errors: [{code: 'UNAUTHORIZED', message: 'bad credentials'}]}));
      return;
    }
    const scopes = url.searchParams.getAll('scope').flatMap(s => s.split(' ').filter(Boolean));
    const user = creds?.user;
    const granted = scopes
      .map(parseScope)
      .filter((a): a is TokenAccess => a !== undefined)
      .map(a => grant(a, user))
      .filter(a => a.actions.length > 0);
    const service = url.searchParams.get('service') ?? undefined;
    requests.push({scopes, user, service, granted});

    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: issuer,
      sub: user ?? '',
      aud: service ?? opts.service,
      exp: now + ttl,
      nbf: now - 30,
      iat: now,
      jti: randomUUID(),
      access: granted
    };
    const token = sign(key, certDer, claims);
    const issuedAt = new Date(now * 1000).toISOString();
    res.writeHead(200, {'content-type': 'application/json'});
    res.end(JSON.stringify({token, access_token: token, expires_in: ttl, issued_at: issuedAt}));
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // Keep-alive sockets from Go clients would otherwise hold close() open.
  server.keepAliveTimeout = 1000;
  server.unref();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    realm: `${url}/token`,
    service: opts.service,
    issuer,
    certFile: opts.certFile,
    requests,
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}
