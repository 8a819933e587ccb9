import {existsSync} from 'node:fs';
import {type NetworkInterfaceInfo, networkInterfaces} from 'node:os';

/** The names every buildset registry certificate carries, besides the host's addresses. */
export const FIXED_SANS = ['buildset-registry', 'localhost', '127.0.0.1'] as const;

/** Whether a network interface is a Linux bridge (docker0, podman0, cni-podman0, br-…). */
export function isBridgeInterface(name: string): boolean {
  return existsSync(`/sys/class/net/${name}/bridge`);
}

/**
 * The host's addresses the buildset registry's clients use besides 127.0.0.1: the IPv4
 * addresses of bridge interfaces, which the job's containers (docker, podman) reach the host
 * by. The machine's own network addresses (eth0) are left out, so the registry is not exposed
 * to the network around the runner; link-local ones too.
 */
export function hostAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
  isBridge: (name: string) => boolean = isBridgeInterface
): string[] {
  const out: string[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    if (!isBridge(name)) continue;
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
