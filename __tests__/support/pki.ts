/**
 * Certificates for the test registries, generated once per test run with the openssl CLI
 * (node cannot create X.509 certificates) and shared by every worker:
 * - a CA and a server certificate for 127.0.0.1/localhost and the machine's own addresses (TLS
 *   flavour), EC P-256 because key generation is instant;
 * - a self-signed RSA certificate for the token issuer (RS256 needs an RSA key; the
 *   registry's `rootcertbundle` holds this very certificate).
 * Workers race to create the set: each builds it in a private directory and renames it into
 * place; the loser of the rename uses the winner's files.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {copyFile, mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {networkInterfaces} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {makeRunTempDir, runDir} from './run-dir.js';

const run = promisify(execFile);

export interface TestPki {
  dir: string;
  caCert: string;
  caKey: string;
  /** Contains only ca.crt: c/image and docker treat any *.key there as a client key pair. */
  certDir: string;
  serverCert: string;
  serverKey: string;
  tokenCert: string;
  tokenKey: string;
}

function layout(dir: string): TestPki {
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    certDir: join(dir, 'certdir'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    tokenCert: join(dir, 'token.crt'),
    tokenKey: join(dir, 'token.key')
  };
}

const openssl = (args: string[]) => run('openssl', args, {maxBuffer: 1 << 20});
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function generate(p: TestPki): Promise<void> {
  const csr = join(p.dir, 'server.csr');
  const ext = join(p.dir, 'server.ext');
  const caExt = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
  // The machine's own addresses too: a registry there is reached without the loopback
  // exemptions (proxies, dockerd's insecure default).
  const san = ['IP:127.0.0.1', 'DNS:localhost', ...hostAddresses().map(a => `IP:${a}`)];
  const serverExt = [
    `subjectAltName=${san.join(',')}`,
    'extendedKeyUsage=serverAuth',
    'keyUsage=critical,digitalSignature,keyEncipherment'
  ];
  const ca = ['req', '-x509', ...EC, '-days', '2', '-subj', '/CN=imagegate-test-ca'];
  await openssl([
    ...ca,
    '-keyout',
    p.caKey,
    '-out',
    p.caCert,
    ...caExt.flatMap(e => ['-addext', e])
  ]);
  await openssl([
    'req',
    ...EC,
    '-subj',
    '/CN=imagegate-test-registry',
    '-keyout',
    p.serverKey,
    '-out',
    csr
  ]);
  await writeFile(ext, serverExt.join('\n') + '\n');
  const sign = ['x509', '-req', '-in', csr, '-CA', p.caCert, '-CAkey', p.caKey, '-CAcreateserial'];
  await openssl([...sign, '-days', '2', '-extfile', ext, '-out', p.serverCert]);
  const token = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'];
  const tokenSubj = ['-subj', '/CN=imagegate-test-token-issuer'];
  await openssl([...token, ...tokenSubj, '-keyout', p.tokenKey, '-out', p.tokenCert]);
  await mkdir(p.certDir);
  await copyFile(p.caCert, join(p.certDir, 'ca.crt'));
}

/** This machine's IPv4 addresses other than loopback (eth0, docker0, ...). */
export function hostAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap(i => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));
}

/** The run's PKI, created on first use. */
export async function testPki(): Promise<TestPki> {
  const final = layout(join(runDir(), 'pki'));
  if (existsSync(final.dir)) return final;
  const staging = layout(makeRunTempDir('pki'));
  await generate(staging);
  try {
    await rename(staging.dir, final.dir);
  } catch (err) {
    // Another worker won the race (ENOTEMPTY/EEXIST); its files are equivalent.
    if (!existsSync(final.dir)) throw err;
    await rm(staging.dir, {recursive: true, force: true});
  }
  return final;
}
