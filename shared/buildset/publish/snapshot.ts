import {existsSync} from 'node:fs';
import {readFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';

/** `repository:tag` → manifest digest, for every tag in the registry. */
export type TagSnapshot = Record<string, string>;

const REPOSITORIES = 'docker/registry/v2/repositories';

/**
 * Every tag in a distribution registry's filesystem storage, read from disk rather than over
 * `/_catalog` (no auth, no paging, and it works after the container stopped): each repository
 * directory holds `_manifests/tags/<tag>/current/link` with the digest.
 */
export async function snapshotTags(storageDir: string): Promise<TagSnapshot> {
  const root = join(storageDir, REPOSITORIES);
  const out: TagSnapshot = {};
  if (!existsSync(root)) return out;
  const walk = async (dir: string, name: string): Promise<void> => {
    const entries = await readdir(dir, {withFileTypes: true});
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      if (entry.name === '_manifests') {
        await readTags(join(dir, '_manifests/tags'), name, out);
      } else if (!entry.name.startsWith('_')) {
        await walk(join(dir, entry.name), name === '' ? entry.name : `${name}/${entry.name}`);
      }
    }
  };
  await walk(root, '');
  return out;
}

async function readTags(dir: string, repository: string, out: TagSnapshot): Promise<void> {
  if (!existsSync(dir)) return;
  for (const tag of await readdir(dir)) {
    const link = join(dir, tag, 'current/link');
    if (!existsSync(link)) continue;
    const digest = (await readFile(link, 'utf8')).trim();
    if (digest.startsWith('sha256:')) out[`${repository}:${tag}`] = digest;
  }
}

/** Tags that are new or moved since `before`, as [repository, tag, digest]. */
export function changedTags(before: TagSnapshot, after: TagSnapshot): [string, string, string][] {
  return Object.entries(after)
    .filter(([key, digest]) => before[key] !== digest)
    .map(([key, digest]) => {
      const colon = key.lastIndexOf(':');
      return [key.slice(0, colon), key.slice(colon + 1), digest];
    });
}
