import {existsSync} from 'node:fs';
import {cp, mkdir, readdir, rename, stat} from 'node:fs/promises';
import {join} from 'node:path';

/** Saves and restores the registry storage between jobs of one workflow run. */
export interface ShareBackend {
  /**
   * Save `dir` under `key`. Throws ShareNotSavedError when nothing was saved; false when `key`
   * exists already (entries are immutable: another job of the run attempt saved first).
   */
  save(dir: string, key: string): Promise<boolean>;
  /** Restore into `dir` the entry `key`, else the newest entry starting with a prefix; the key used. */
  restore(dir: string, key: string, prefixes: readonly string[]): Promise<string | undefined>;
}

/** The registry storage could not be saved, so jobs that restore it would start empty. */
export class ShareNotSavedError extends Error {
  override readonly name = 'ShareNotSavedError';
}

/** The part of @actions/cache this uses (the real module on runners). */
export interface CacheModule {
  saveCache(paths: string[], key: string): Promise<number>;
  restoreCache(
    paths: string[],
    key: string,
    restoreKeys?: string[],
    options?: {lookupOnly?: boolean}
  ): Promise<string | undefined>;
}

/** Cache keys: unique to the run and attempt; restore falls back to earlier attempts of the run. */
export function shareKeys(runId: string, attempt: string): {key: string; prefixes: string[]} {
  return {
    key: `imagegate-buildset-${runId}-${attempt}`,
    prefixes: [`imagegate-buildset-${runId}-`]
  };
}

/**
 * Cache keys of one part of a distributed build (a platform job's storage): a prefix of their
 * own, so the run's shared key's fall-back prefix never restores a part.
 */
export function partKeys(
  runId: string,
  attempt: string,
  part: string
): {key: string; prefixes: string[]} {
  const prefix = `imagegate-buildset-part-${part.replace(/\//g, '-')}-${runId}-`;
  return {key: `${prefix}${attempt}`, prefixes: [prefix]};
}

/**
 * The GitHub Actions cache (@actions/cache), the backend on runners, loaded on first use: it is
 * most of the action's bundle, and a job that shares nothing should not pay for loading it. Its
 * saveCache does not throw when the service refuses the entry, the upload fails or the cache
 * mode forbids writes: it logs a warning and returns -1. A lookup then tells "another job saved
 * this key" from "nothing was saved".
 */
export function cacheBackend(load: () => Promise<CacheModule>): ShareBackend {
  return {
    async save(dir, key) {
      const cache = await load();
      const id = await cache.saveCache([dir], key);
      if (id !== -1) return true;
      const existing = await cache.restoreCache([dir], key, [], {lookupOnly: true});
      if (existing === key) return false;
      throw new ShareNotSavedError(
        `the Actions cache did not save ${key} (its warning in the log says why), so jobs that restore it would start with an empty buildset registry`
      );
    },
    restore: async (dir, key, prefixes) => (await load()).restoreCache([dir], key, [...prefixes])
  };
}

/** A directory of copies, one sub-directory per key (tests, self-hosted runners with a share). */
export function directoryBackend(root: string): ShareBackend {
  return {
    async save(dir, key) {
      const target = join(root, key);
      if (existsSync(target)) return false;
      await mkdir(root, {recursive: true});
      await cp(dir, `${target}.partial`, {recursive: true});
      // A half-written copy must never be restored: it only gets its name when complete.
      await rename(`${target}.partial`, target);
      return true;
    },
    async restore(dir, key, prefixes) {
      let found = existsSync(join(root, key)) ? key : undefined;
      if (!found && existsSync(root)) {
        const candidates = (await readdir(root)).filter(
          k => !k.endsWith('.partial') && prefixes.some(p => k.startsWith(p))
        );
        const dated = await Promise.all(
          candidates.map(async k => ({k, t: (await stat(join(root, k))).mtimeMs}))
        );
        found = dated.sort((a, b) => b.t - a.t)[0]?.k;
      }
      if (found) await cp(join(root, found), dir, {recursive: true});
      return found;
    }
  };
}
