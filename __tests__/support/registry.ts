/**
 * Real CNCF distribution registries (Debian `docker-registry` 2.8) as host processes on
 * loopback, one temp dir each (config, storage, log). Three flavours:
 * - `plain`: HTTP, no auth;
 * - `tls`: HTTPS with the run's CA (pki.ts) + htpasswd basic auth, random user/password;
 * - `token`: HTTP with `auth: token` against our token issuer (token-issuer.ts).
 *
 * Note that dockerd skips TLS verification for 127.0.0.0/8, so CA-trust tests through
 * dockerd need a registry on a docker network instead, at a fixed non-loopback IP named in the
 * certificate's SAN, with the CA in certs.d/<ip>:<port>/ca.crt; skopeo, podman and node do
 * verify on loopback.
 */
import bcrypt from 'bcryptjs';
import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {closeSync, openSync} from 'node:fs';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {request as httpRequest} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {testPki} from './pki.js';
import {makeRunTempDir, trackPid, untrackPid} from './run-dir.js';
import {startTokenIssuer, type TokenIssuer} from './token-issuer.js';

export type {TokenIssuer, TokenRequest} from './token-issuer.js';

export type RegistryFlavour = 'plain' | 'tls' | 'token';

export interface SkopeoArgsOptions {
  /** false: no credentials (anonymous); a string: these `user:password` instead. */
  creds?: boolean | string;
}

export interface TestRegistry {
  flavour: RegistryFlavour;
  /** `127.0.0.1:PORT` */
  host: string;
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT` */
  url: string;
  /** tls and token flavours */
  username?: string;
  password?: string;
  /** PEM of the CA that signed the server certificate (tls flavour). */
  caFile?: string;
  /** A directory holding only ca.crt, for skopeo/podman `--cert-dir` (tls flavour). */
  certDir?: string;
  /** token flavour */
  tokenIssuer?: TokenIssuer;
  /** The registry's filesystem storage root (`storage.filesystem.rootdirectory`). */
  dataDir: string;
  /** The registry's stderr: startup messages and one access-log line per request. */
  logFile: string;
  /**
   * Transport flags for skopeo: 'src'/'dest' for `skopeo copy`, 'plain' for `inspect`,
   * `list-tags` and `delete`. Credentials are included unless `{creds: false}`.
   */
  skopeoArgs(side: 'src' | 'dest' | 'plain', opts?: SkopeoArgsOptions): string[];
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  /** token flavour: anonymous clients may pull (default false). */
  anonymousPull?: boolean;
  /** The address to listen on (default 127.0.0.1), e.g. one of pki.ts `hostAddresses()`. */
  address?: string;
}

const REGISTRY_BIN = process.env.IMAGEGATE_TEST_REGISTRY_BIN ?? 'docker-registry';
const START_TIMEOUT_MS = 15_000;

/** bcrypt cost 4 (Go's minimum): the registry checks the hash on every request. */
const BCRYPT_COST = 4;

const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');

export async function startRegistry(
  flavour: RegistryFlavour,
  opts: StartRegistryOptions = {}
): Promise<TestRegistry> {
  const dir = makeRunTempDir(`registry-${flavour}`);
  const address = opts.address ?? '127.0.0.1';
  const dataDir = join(dir, 'storage');
  const configFile = join(dir, 'config.yml');
  const logFile = join(dir, 'registry.log');
  await mkdir(dataDir);

  const http: Record<string, unknown> = {
    // Port 0: the registry binds a free port itself and logs it; no probe-then-bind race.
    addr: `${address}:0`,
    // Without a secret the registry warns and generates one; uploads are single-instance anyway.
    secret: randomHex(16)
  };
  const config: Record<string, unknown> = {
    version: '0.1',
    log: {level: 'info', formatter: 'text', accesslog: {disabled: false}},
    storage: {
      filesystem: {rootdirectory: dataDir},
      // Needed for DELETE by digest; 2.x has no tag deletion at all.
      delete: {enabled: true},
      maintenance: {uploadpurging: {enabled: false}}
    },
    http
  };

  // Only the tls and token flavours expose (and check) these.
  const user = `user-${randomHex(4)}`;
  const secret = randomHex(12);
  const username = flavour === 'plain' ? undefined : user;
  const password = flavour === 'plain' ? undefined : secret;
  let caFile: string | undefined;
  let certDir: string | undefined;
  let tokenIssuer: TokenIssuer | undefined;
  if (flavour === 'tls') {
    const pki = await testPki();
    caFile = pki.caCert;
    certDir = pki.certDir;
    http.tls = {certificate: pki.serverCert, key: pki.serverKey};
    const htpasswd = join(dir, 'htpasswd');
    // bcryptjs writes $2b$, which registry 2.8 (golang.org/x/crypto/bcrypt) accepts.
    await writeFile(htpasswd, `${user}:${bcrypt.hashSync(secret, BCRYPT_COST)}\n`);
    config.auth = {htpasswd: {realm: 'imagegate-test', path: htpasswd}};
  }
  if (flavour === 'token') {
    const pki = await testPki();
    tokenIssuer = await startTokenIssuer({
      service: 'imagegate-test-registry',
      username: user,
      password: secret,
      certFile: pki.tokenCert,
      keyFile: pki.tokenKey,
      anonymousPull: opts.anonymousPull ?? false
    });
    config.auth = {
      token: {
        realm: tokenIssuer.realm,
        service: tokenIssuer.service,
        issuer: tokenIssuer.issuer,
        rootcertbundle: tokenIssuer.certFile
      }
    };
  }
  // JSON is valid YAML, and spares us quoting rules.
  await writeFile(configFile, JSON.stringify(config, null, 2));

  let child: ChildProcess;
  let port: number;
  try {
    child = spawnRegistry(configFile, logFile);
    port = await waitForListening(child, logFile, address);
  } catch (err) {
    await tokenIssuer?.stop();
    throw err;
  }
  const scheme = flavour === 'tls' ? 'https' : 'http';
  const host = `${address}:${port}`;
  const url = `${scheme}://${host}`;

  const stop = async (): Promise<void> => {
    await stopProcess(child);
    await tokenIssuer?.stop();
    if (!process.env.IMAGEGATE_TEST_KEEP) await rm(dataDir, {recursive: true, force: true});
  };
  try {
    await waitForV2(url, caFile, child, logFile);
  } catch (err) {
    await stop();
    throw err;
  }

  const skopeoArgs = (side: 'src' | 'dest' | 'plain', o: SkopeoArgsOptions = {}): string[] => {
    const flag = (name: string) => (side === 'plain' ? `--${name}` : `--${side}-${name}`);
    const args = certDir ? [flag('cert-dir'), certDir] : [`${flag('tls-verify')}=false`];
    const own = flavour === 'plain' ? undefined : `${user}:${secret}`;
    const creds = typeof o.creds === 'string' ? o.creds : o.creds === false ? undefined : own;
    if (creds) args.push(flag('creds'), creds);
    return args;
  };

  return {
    flavour,
    host,
    url,
    username,
    password,
    caFile,
    certDir,
    tokenIssuer,
    dataDir,
    logFile,
    skopeoArgs,
    stop
  };
}

function spawnRegistry(configFile: string, logFile: string): ChildProcess {
  // distribution maps REGISTRY_* variables onto its config; REGISTRY_AUTH_FILE (which
  // containers/image reads, and setup-env sets) makes 2.8 exit with "configuration error".
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('REGISTRY_'))
  );
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(REGISTRY_BIN, ['serve', configFile], {
      stdio: ['ignore', fd, fd],
      env
    });
    // ENOENT and friends arrive as an 'error' event; without a listener it would crash jest.
    child.on('error', () => undefined);
    if (child.pid === undefined) {
      throw new Error(`cannot start ${REGISTRY_BIN} (is the docker-registry package installed?)`);
    }
    // The config path is unique to this registry: teardown checks it before killing.
    trackPid(child.pid, configFile);
    child.once('exit', () => untrackPid(child.pid!));
    child.unref();
    return child;
  } finally {
    closeSync(fd);
  }
}

async function logTail(logFile: string): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text.split('\n').slice(-20).join('\n');
}

async function waitForListening(
  child: ChildProcess,
  logFile: string,
  address: string
): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const listening = new RegExp(`listening on ${address.replace(/\./g, '\\.')}:(\\d+)`);
  while (Date.now() < deadline) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    // 2.8 logs `listening on 127.0.0.1:PORT` (`, tls` appended for HTTPS).
    const m = listening.exec(log);
    if (m) return Number(m[1]);
    if (child.exitCode !== null || child.signalCode !== null) break;
    await sleep(20);
  }
  child.kill('SIGKILL');
  throw new Error(`registry did not start; log ${logFile}:\n${await logTail(logFile)}`);
}

/** Polls /v2/ until it answers 200 (no auth) or 401 (auth required). */
async function waitForV2(
  url: string,
  ca: string | undefined,
  child: ChildProcess,
  logFile: string
): Promise<void> {
  const caPem = ca ? await readFile(ca) : undefined;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const status = await getStatus(`${url}/v2/`, caPem);
      if (status === 200 || status === 401) return;
      last = `HTTP ${status}`;
    } catch (err) {
      last = String(err);
    }
    await sleep(20);
  }
  throw new Error(`registry ${url} not ready (${last}); log:\n${await logTail(logFile)}`);
}

function getStatus(url: string, ca: Buffer | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = url.startsWith('https:')
      ? httpsRequest(url, {ca, agent: false})
      : httpRequest(url, {agent: false});
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
    req.on('response', res => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
