/**
 * Jest globalSetup (runs once, in the parent process, before the workers are forked): creates
 * the run directory and a hermetic container environment inside it, and exports both, so every
 * worker and every process a test starts (docker, podman, buildah, skopeo, the action bundles)
 * inherits them:
 * - IMAGEGATE_TEST_RUN_DIR: the run directory (see run-dir.ts);
 * - CONTAINERS_STORAGE_CONF: podman/buildah store of this run only (vfs: no mounts to undo),
 *   so nothing a test builds outlives the run and nothing an earlier run left can help a test;
 * - CONTAINERS_CONF: the settings podman needs on these machines (runc, cgroupfs, lowered
 *   ulimits: crun and the default ulimits fail here);
 * - REGISTRY_AUTH_FILE and DOCKER_CONFIG: created empty, because podman refuses an auth file
 *   that does not exist and docker must never read or write ~/.docker.
 * Jest loads this file outside its ESM module map: builtins only, no local imports.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export default function globalSetup(): void {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-run-'));
  mkdirSync(join(dir, 'pids'));
  process.env.IMAGEGATE_TEST_RUN_DIR = dir;

  const containers = join(dir, 'containers');
  mkdirSync(join(containers, 'storage'), {recursive: true});
  mkdirSync(join(containers, 'run'));
  mkdirSync(join(containers, 'docker'));
  const storageConf = join(containers, 'storage.conf');
  writeFileSync(
    storageConf,
    [
      '[storage]',
      'driver = "vfs"',
      `graphroot = "${join(containers, 'storage')}"`,
      `runroot = "${join(containers, 'run')}"`,
      ''
    ].join('\n')
  );
  const containersConf = join(containers, 'containers.conf');
  writeFileSync(
    containersConf,
    [
      '[containers]',
      'default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]',
      '',
      '[engine]',
      'runtime = "runc"',
      'cgroup_manager = "cgroupfs"',
      ''
    ].join('\n')
  );
  const authFile = join(containers, 'auth.json');
  writeFileSync(authFile, '{"auths": {}}\n');
  process.env.CONTAINERS_STORAGE_CONF = storageConf;
  process.env.CONTAINERS_CONF = containersConf;
  process.env.REGISTRY_AUTH_FILE = authFile;
  process.env.DOCKER_CONFIG = join(containers, 'docker');
}
