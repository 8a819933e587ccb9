import {execFileSync} from 'node:child_process';
import {X509Certificate, createPrivateKey} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {makeRunTempDir} from '../../support/run-dir.js';
import {generateRegistryTls} from '../../../shared/buildset/start/pki.js';
import {registrySans} from '../../../shared/buildset/start/addresses.js';

describe('in-process TLS material', () => {
  it('signs a server certificate for every SAN with a fresh CA', () => {
    const sans = registrySans(['172.31.9.9', 'fd00::1'], ['10.1.2.3']);
    const tls = generateRegistryTls(sans);
    const ca = new X509Certificate(tls.caCert);
    const server = new X509Certificate(tls.serverCert);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.checkHost('buildset-registry')).toBe('buildset-registry');
    expect(server.checkHost('localhost')).toBe('localhost');
    for (const ip of ['127.0.0.1', '172.31.9.9', '10.1.2.3', 'fd00::1'])
      expect(server.checkIP(ip)).toBe(ip);
    expect(server.checkIP('10.9.9.9')).toBeUndefined();
    expect(server.checkPrivateKey(createPrivateKey(tls.serverKey))).toBe(true);
  });

  it('is a chain OpenSSL verifies for TLS servers, with P-256 keys', () => {
    const tls = generateRegistryTls(registrySans([], []));
    const dir = makeRunTempDir('pki');
    writeFileSync(join(dir, 'ca.crt'), tls.caCert);
    writeFileSync(join(dir, 'server.crt'), tls.serverCert);
    const openssl = (...args: string[]) => execFileSync('openssl', args, {encoding: 'utf8'});
    expect(
      openssl(
        'verify',
        '-x509_strict',
        '-purpose',
        'sslserver',
        '-CAfile',
        join(dir, 'ca.crt'),
        join(dir, 'server.crt')
      )
    ).toContain('server.crt: OK');
    const text = openssl('x509', '-noout', '-text', '-in', join(dir, 'server.crt'));
    expect(text).toContain('ecdsa-with-SHA256');
    expect(text).toContain('NIST CURVE: P-256');
    expect(text).toMatch(/Authority Key Identifier/);
    expect(createPrivateKey(tls.serverKey).asymmetricKeyType).toBe('ec');
  });
});
