import {X509Certificate, createPrivateKey} from 'node:crypto';
import {generateRegistryTls} from '../../../shared/buildset/pki.js';
import {registrySans} from '../../../shared/buildset/addresses.js';

describe('in-process TLS material', () => {
  it('signs a server certificate for every SAN with a fresh CA', async () => {
    const sans = registrySans(['172.31.9.9'], ['10.1.2.3']);
    const tls = await generateRegistryTls(sans);
    const ca = new X509Certificate(tls.caCert);
    const server = new X509Certificate(tls.serverCert);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.checkHost('buildset-registry')).toBe('buildset-registry');
    expect(server.checkHost('localhost')).toBe('localhost');
    for (const ip of ['127.0.0.1', '172.31.9.9', '10.1.2.3']) expect(server.checkIP(ip)).toBe(ip);
    expect(server.checkIP('10.9.9.9')).toBeUndefined();
    expect(server.checkPrivateKey(createPrivateKey(tls.serverKey))).toBe(true);
  });
});
