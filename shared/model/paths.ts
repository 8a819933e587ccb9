import {posix} from 'node:path';
import {quoteOutside} from './outside-text.js';

/**
 * Why `value` is not a relative path that stays inside its base directory, or undefined when it
 * is fine. Purely lexical; symlinks are checked where the filesystem is at hand.
 */
export function confinedPathProblem(value: string): string | undefined {
  const absolute = absolutePathProblem(value);
  if (absolute !== undefined) return absolute;
  const normalised = posix.normalize(value.replace(/\\/g, '/'));
  if (normalised === '..' || normalised.startsWith('../')) {
    return `${quoteOutside(value)} leaves the working directory`;
  }
  return undefined;
}

/** Why `value` is not a relative path at all (absolute, a drive, a NUL byte), or undefined. */
export function absolutePathProblem(value: string): string | undefined {
  if (value.includes('\0')) return `${quoteOutside(value)} contains a NUL byte`;
  if (posix.isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) {
    return `${quoteOutside(value)} is an absolute path; use a path relative to the working directory`;
  }
  return undefined;
}

/** `base/rel` normalised, for a `rel` that passed confinedPathProblem. */
export function joinConfined(base: string, rel: string): string {
  return posix.join(base, rel);
}
