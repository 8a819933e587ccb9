import {type KeyObject, createHash, generateKeyPairSync, randomBytes, sign} from 'node:crypto';
import {isIPv4, isIPv6} from 'node:net';
import {
  bitString,
  boolean,
  explicit,
  implicit,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String
} from './der.js';

/** The registry's TLS material, PEM encoded. */
export interface RegistryTls {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

/** The object identifiers the two certificates use (RFC 5280, RFC 5758). */
const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1'
} as const;

const CA_NAME = 'imagegate buildset registry CA';

/**
 * A fresh CA and a server certificate it signed for `sans` (DNS names and IP addresses), valid
 * for `days`, encoded here and signed by node's crypto. ECDSA P-256: a key takes well under a
 * millisecond, where an RSA-2048 key took 100-400 ms of the registry's start-up, and no
 * certificate library has to be loaded with the action.
 */
export function generateRegistryTls(
  sans: readonly string[],
  now: Date = new Date(),
  days = 7
): RegistryTls {
  const ca = generateKeyPairSync('ec', {namedCurve: 'prime256v1'});
  const server = generateKeyPairSync('ec', {namedCurve: 'prime256v1'});
  const caKeyId = keyIdentifier(ca.publicKey);
  const validity = {now, days};
  const caCert = certificate(ca.publicKey, CA_NAME, CA_NAME, validity, ca.privateKey, [
    extension(OID.basicConstraints, sequence(boolean(true), smallInteger(0)), true),
    // keyCertSign (bit 5) and cRLSign (bit 6).
    extension(OID.keyUsage, bitString(Buffer.from([0x06]), 7), true),
    extension(OID.subjectKeyIdentifier, octetString(caKeyId))
  ]);
  const serverCert = certificate(
    server.publicKey,
    'buildset-registry',
    CA_NAME,
    validity,
    ca.privateKey,
    [
      extension(OID.basicConstraints, sequence(), true),
      // digitalSignature (bit 0): the only use of an ECDSA server key.
      extension(OID.keyUsage, bitString(Buffer.from([0x80]), 1), true),
      extension(OID.extKeyUsage, sequence(objectIdentifier(OID.serverAuth))),
      extension(OID.subjectAltName, sequence(...altNames(sans))),
      extension(OID.authorityKeyIdentifier, sequence(implicit(0, caKeyId)))
    ]
  );
  return {
    caCert,
    serverCert,
    serverKey: server.privateKey.export({type: 'pkcs8', format: 'pem'}).toString()
  };
}

/** An X.509 v3 certificate for `publicKey`, signed by `signer` with ECDSA-SHA256, as PEM. */
function certificate(
  publicKey: KeyObject,
  subject: string,
  issuer: string,
  validity: {now: Date; days: number},
  signer: KeyObject,
  extensions: Buffer[]
): string {
  const algorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  // Positive 16-byte serial.
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    algorithm,
    name(issuer),
    sequence(
      // An hour of slack for clocks of containers that check the certificate.
      time(new Date(validity.now.getTime() - 3_600_000)),
      time(new Date(validity.now.getTime() + validity.days * 86_400_000))
    ),
    name(subject),
    publicKey.export({type: 'spki', format: 'der'}),
    explicit(3, sequence(...extensions))
  );
  const der = sequence(tbs, algorithm, bitString(sign('sha256', tbs, signer)));
  const body = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
}

/** A Name with one commonName. */
function name(commonName: string): Buffer {
  return sequence(set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))));
}

function extension(oid: string, value: Buffer, critical = false): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey (the uncompressed point). */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({format: 'jwk'});
  const point = Buffer.concat([
    Buffer.from([0x04]),
    Buffer.from(jwk.x as string, 'base64url'),
    Buffer.from(jwk.y as string, 'base64url')
  ]);
  return createHash('sha1').update(point).digest();
}

/** SAN entries: IP addresses as iPAddress, everything else as dNSName; duplicates dropped. */
export function altNames(sans: readonly string[]): Buffer[] {
  return [...new Set(sans)].map(san =>
    isIPv4(san) || isIPv6(san) ? implicit(7, ipBytes(san)) : implicit(2, Buffer.from(san, 'ascii'))
  );
}

function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  const [head, tail = ''] = ip.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groups(head);
  const after = groups(tail);
  const all = ip.includes('::')
    ? [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after]
    : before;
  return Buffer.from(all.flatMap(g => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}
