import {InputError} from '../model/errors.js';
import {Descriptor, Platform} from './types.js';

/** A platform filter such as `linux/amd64` or `linux/arm64/v8` (variant optional). */
export interface PlatformFilter {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** Parse `os/arch[/variant]`; throws InputError naming `field`. */
export function parsePlatform(value: string, field = 'platform'): PlatformFilter {
  const parts = value.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some(p => !/^[a-z0-9._-]+$/i.test(p))) {
    throw new InputError(field, `"${value}" is not a platform (expected os/arch[/variant])`);
  }
  const [os, architecture, variant] = parts;
  return {os, architecture, ...(variant !== undefined && {variant})};
}

/** `os/arch[/variant]` for messages. */
export function formatPlatform(platform: Platform | PlatformFilter): string {
  const base = `${platform.os}/${platform.architecture}`;
  return platform.variant ? `${base}/${platform.variant}` : base;
}

/** Whether an index entry matches any filter; a filter without variant accepts every variant. */
export function matchesPlatform(entry: Descriptor, filters: readonly PlatformFilter[]): boolean {
  const p = entry.platform;
  if (!p) return false;
  return filters.some(
    f =>
      f.os === p.os &&
      f.architecture === p.architecture &&
      (f.variant === undefined || f.variant === p.variant)
  );
}
