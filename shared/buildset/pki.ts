import {generateKeyPair, randomBytes} from 'node:crypto';
import {isIP} from 'node:net';
import {promisify} from 'node:util';
import forge from 'node-forge';

/** The registry's TLS material, PEM encoded. */
export interface RegistryTls {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

const generate = promisify(generateKeyPair);
const RSA = {
  modulusLength: 2048,
  publicKeyEncoding: {type: 'spki', format: 'pem'},
  privateKeyEncoding: {type: 'pkcs8', format: 'pem'}
} as const;
// forge's altName types (RFC 5280 GeneralName tags).
const DNS_NAME = 2;
const IP_ADDRESS = 7;

/**
 * A fresh CA and a server certificate it signed for `sans` (DNS names and IP addresses), valid
 * for `days`. Keys come from node's native RSA generator (forge's pure-JS one takes seconds);
 * forge only assembles and signs the certificates.
 */
export async function generateRegistryTls(
  sans: readonly string[],
  now: Date = new Date(),
  days = 7
): Promise<RegistryTls> {
  const [caPair, serverPair] = await Promise.all([generate('rsa', RSA), generate('rsa', RSA)]);
  const caKey = forge.pki.privateKeyFromPem(caPair.privateKey) as forge.pki.rsa.PrivateKey;
  const caName = [{name: 'commonName', value: 'imagegate buildset registry CA'}];
  const ca = certificate(caPair.publicKey, caName, caName, now, days, [
    {name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true},
    {name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true},
    {name: 'subjectKeyIdentifier'}
  ]);
  ca.sign(caKey, forge.md.sha256.create());
  const server = certificate(
    serverPair.publicKey,
    [{name: 'commonName', value: 'buildset-registry'}],
    caName,
    now,
    days,
    [
      {name: 'basicConstraints', cA: false, critical: true},
      {name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true},
      {name: 'extKeyUsage', serverAuth: true},
      {name: 'subjectAltName', altNames: altNames(sans)}
    ]
  );
  server.sign(caKey, forge.md.sha256.create());
  return {
    caCert: forge.pki.certificateToPem(ca),
    serverCert: forge.pki.certificateToPem(server),
    serverKey: serverPair.privateKey
  };
}

function certificate(
  publicKeyPem: string,
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  now: Date,
  days: number,
  extensions: object[]
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  // Positive 16-byte serial: a leading 0 nibble keeps the DER integer positive.
  cert.serialNumber = `0${randomBytes(16).toString('hex').slice(1)}`;
  // An hour of slack for clocks of containers that check the certificate.
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000);
  cert.validity.notAfter = new Date(now.getTime() + days * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  return cert;
}

/** SAN entries: IP addresses as iPAddress, everything else as dNSName; duplicates dropped. */
export function altNames(sans: readonly string[]): {type: number; value?: string; ip?: string}[] {
  return [...new Set(sans)].map(san =>
    isIP(san) ? {type: IP_ADDRESS, ip: san} : {type: DNS_NAME, value: san}
  );
}
