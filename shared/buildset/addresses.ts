import {type NetworkInterfaceInfo, networkInterfaces} from 'node:os';

/** The names every buildset registry certificate carries, besides the host's addresses. */
export const FIXED_SANS = ['buildset-registry', 'localhost', '127.0.0.1'] as const;

/**
 * The host's non-loopback IPv4 addresses (including the docker bridge's, which the job's
 * containers reach the host by); link-local ones are skipped.
 */
export function hostAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()
): string[] {
  const out: string[] = [];
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal || info.family !== 'IPv4' || info.address.startsWith('169.254.')) continue;
      if (!out.includes(info.address)) out.push(info.address);
    }
  }
  return out;
}

/** Subject alternative names for the certificate: fixed names, extra names, host addresses. */
export function registrySans(extra: readonly string[], addresses: readonly string[]): string[] {
  return [...new Set([...FIXED_SANS, ...extra, ...addresses])];
}
