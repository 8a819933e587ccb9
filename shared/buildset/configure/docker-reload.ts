import {dirname} from 'node:path';
import {type BuildsetDeps} from '../deps.js';
import {parseJsonObject} from './docker-config.js';
import {systemFs} from '../system-fs.js';

/**
 * Make the running dockerd forget our mirror once daemon.json is restored. dockerd's reload
 * only applies keys the file sets, so a restored file without `registry-mirrors` (or no file)
 * would leave our mirror live: for the reload, the file briefly says `"registry-mirrors": []`,
 * then gets its restored bytes (or its absence) back.
 */
export async function dropMirror(deps: BuildsetDeps, mirror: string): Promise<void> {
  const path = deps.paths.daemonJson;
  const fs = systemFs(deps.runner);
  const original = await fs.readFile(path);
  const config = parseJsonObject(original?.toString('utf8'), path);
  if (Array.isArray(config['registry-mirrors'])) {
    await deps.dockerd.reload({mirror, present: false});
    return;
  }
  const created = await fs.mkdirp(dirname(path));
  await fs.writeFile(path, `${JSON.stringify({...config, 'registry-mirrors': []})}\n`);
  try {
    await deps.dockerd.reload({mirror, present: false});
  } finally {
    if (original) await fs.writeFile(path, original);
    else await fs.unlink(path);
    for (const dir of created.reverse()) await fs.rmdir(dir).catch(() => undefined);
  }
}
