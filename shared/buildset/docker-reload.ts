import {existsSync} from 'node:fs';
import {readFile, rmdir, unlink, writeFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import {type BuildsetDeps} from './deps.js';
import {parseJsonObject} from './docker-config.js';
import {makeParents} from './file-edits.js';

/**
 * Make the running dockerd forget our mirror once daemon.json is restored. dockerd's reload
 * only applies keys the file sets, so a restored file without `registry-mirrors` (or no file)
 * would leave our mirror live: for the reload, the file briefly says `"registry-mirrors": []`,
 * then gets its restored bytes (or its absence) back.
 */
export async function dropMirror(deps: BuildsetDeps, mirror: string): Promise<void> {
  const path = deps.paths.daemonJson;
  const original = existsSync(path) ? await readFile(path) : undefined;
  const config = parseJsonObject(original?.toString('utf8'), path);
  if (Array.isArray(config['registry-mirrors'])) {
    await deps.dockerd.reload({mirror, present: false});
    return;
  }
  const created = await makeParents(dirname(path));
  await writeFile(path, `${JSON.stringify({...config, 'registry-mirrors': []})}\n`);
  try {
    await deps.dockerd.reload({mirror, present: false});
  } finally {
    if (original) await writeFile(path, original);
    else await unlink(path);
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
  }
}
