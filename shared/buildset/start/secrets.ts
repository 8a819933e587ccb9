import bcrypt from 'bcryptjs';
import {randomBytes} from 'node:crypto';

/** The registry's only user, as the issue (and the docs) name it. */
export const REGISTRY_USER = 'imagegate';

/** A random 32-byte password, hex encoded (no characters any config format needs to quote). */
export function randomPassword(): string {
  return randomBytes(32).toString('hex');
}

/**
 * One htpasswd line (bcrypt). Cost 4, Go's minimum: the registry checks the hash on every
 * request, and a 256-bit random password gains nothing from a slower hash.
 */
export function htpasswdLine(user: string, password: string): string {
  return `${user}:${bcrypt.hashSync(password, 4)}\n`;
}
