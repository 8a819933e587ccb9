import {posix} from 'node:path';
import {quoteOutside} from './outside-text.js';

/** Where Zuul checks out every project of a job: `/home/zuul/src/<host>/<project path>`. */
const ZUUL_SRC = /^\/home\/zuul\/src\/(.+)$/;

/**
 * Why `value` is not a relative path that stays inside its base directory, or undefined when it
 * is fine. Purely lexical; symlinks are checked where the filesystem is at hand. `base` names
 * what the path is relative to (for messages), `baseDir` where that is inside the working
 * directory (so an absolute Zuul path can be turned into the relative one to write).
 */
export function confinedPathProblem(
  value: string,
  base = 'the working directory',
  baseDir = '.'
): string | undefined {
  const absolute = absolutePathProblem(value, base, baseDir);
  if (absolute !== undefined) return absolute;
  const normalised = posix.normalize(value.replace(/\\/g, '/'));
  if (normalised === '..' || normalised.startsWith('../')) {
    return `${quoteOutside(value)} leaves the working directory`;
  }
  return undefined;
}

/** Why `value` is not a relative path at all (absolute, a drive, a NUL byte), or undefined. */
export function absolutePathProblem(
  value: string,
  base = 'the working directory',
  baseDir = '.'
): string | undefined {
  if (value.includes('\0')) return `${quoteOutside(value)} contains a NUL byte`;
  if (posix.isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value)) {
    return `${quoteOutside(value)} is an absolute path; imagegate reads paths relative to ${base}${absoluteHint(value, baseDir)}`;
  }
  return undefined;
}

/**
 * What to write instead of an absolute path. Zuul's `/home/zuul/src/<host>/<project>/...`
 * becomes the same path below the workspace, where actions/checkout puts another repository
 * with its `path` input.
 */
function absoluteHint(value: string, baseDir: string): string {
  const zuul = ZUUL_SRC.exec(posix.normalize(value));
  if (!zuul) return ' (write it relative, without a leading "/")';
  const relative = posix.relative(posix.normalize(baseDir), zuul[1]) || '.';
  return `: check that repository out below the workspace where Zuul had it below /home/zuul/src (actions/checkout with path: ${zuul[1]}), then write "${relative}"`;
}

/** `base/rel` normalised, for a `rel` that passed confinedPathProblem. */
export function joinConfined(base: string, rel: string): string {
  return posix.join(base, rel);
}
