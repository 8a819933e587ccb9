import {arch} from 'node:os';

/** The platform of this machine, as a default for single-platform builds. */
export function nativePlatform(): string {
  const map: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm/v7',
    ppc64: 'ppc64le',
    s390x: 's390x',
    ia32: '386'
  };
  return `linux/${map[arch()] ?? arch()}`;
}

/** A local-only reference for one platform of a docker build: `<ref>__linux-arm64`. */
export function platformRef(ref: string, platform: string): string {
  const colon = ref.lastIndexOf(':');
  const suffix = `__${platform.replace(/\//g, '-')}`;
  return `${ref.slice(0, colon)}:${ref.slice(colon + 1, colon + 1 + 128 - suffix.length)}${suffix}`;
}

/** The host of a reference such as `127.0.0.1:5000/org/app:1`. */
export function registryOf(ref: string): string {
  return ref.slice(0, ref.indexOf('/'));
}
