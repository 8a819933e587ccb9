/**
 * GitHub-hosted runners run steps as a non-root user with passwordless sudo. Main and post run
 * here as such a user (primary group docker, sudoers NOPASSWD, like the `runner` user): the
 * machine-wide files are root's, so every edit and every restore has to go through `sudo -n`,
 * and afterwards the files are as before.
 */
import {execFileSync} from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import {join} from 'node:path';
import {runBundle} from '../../support/action-runner.js';
import {makeRunTempDir, runDir} from '../../support/run-dir.js';
import {REGISTRY_IMAGE, existingContainers} from './support.js';

const USER = 'imagegate-ci';
const SUDOERS = `/etc/sudoers.d/${USER}`;
let user: {uid: number; gid: number};

beforeAll(() => {
  try {
    execFileSync('id', ['-u', USER], {stdio: 'ignore'});
  } catch {
    execFileSync('useradd', ['--create-home', '--gid', 'docker', USER]);
  }
  writeFileSync(SUDOERS, `${USER} ALL=(ALL) NOPASSWD: ALL\n`, {mode: 0o440});
  const uid = Number(execFileSync('id', ['-u', USER], {encoding: 'utf8'}).trim());
  const gid = Number(execFileSync('getent', ['group', 'docker'], {encoding: 'utf8'}).split(':')[2]);
  user = {uid, gid};
  // The run directory is private to root; the user must reach the step's own folders in it.
  chmodSync(runDir(), 0o711);
});
afterAll(() => {
  rmSync(SUDOERS, {force: true});
  try {
    execFileSync('userdel', ['--remove', USER], {stdio: 'ignore'});
  } catch {
    // best effort: a leftover unprivileged user without sudo rights harms nothing
  }
});

/** Every file below `dir` with its bytes and owner, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, {recursive: true, encoding: 'utf8'})) {
    const path = join(dir, name);
    const st = statSync(path);
    out[name] =
      `${st.uid}:${(st.mode & 0o7777).toString(8)}:${st.isFile() ? readFileSync(path, 'utf8') : 'dir'}`;
  }
  return out;
}

test('main and post as a non-root user with sudo: root-owned files edited and restored', async () => {
  const root = makeRunTempDir('nonroot-etc');
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'etc/containers/registries.conf.d'), {recursive: true});
  writeFileSync(
    join(root, 'etc/containers/registries.conf.d/other.conf'),
    'unqualified-search-registries = ["docker.io"]\n'
  );
  const before = snapshot(root);
  const runnerTemp = makeRunTempDir('nonroot-temp');
  chownSync(runnerTemp, user.uid, user.gid);
  const home = `/home/${USER}`;
  const common = {
    user,
    inputs: {'registry-image': REGISTRY_IMAGE, configure: 'podman', namespaces: 'quay.io'},
    env: {
      HOME: home,
      RUNNER_TEMP: runnerTemp,
      IMAGEGATE_BUILDSET_CONFIG_ROOT: root,
      REGISTRY_AUTH_FILE: join(home, 'auth.json'),
      IMAGEGATE_JOB_STATUS: 'failure'
    }
  };
  const main = await runBundle('buildset-registry', common);
  expect(main.errors).toEqual([]);
  expect(main.code).toBe(0);
  const dropIn = join(root, 'etc/containers/registries.conf.d/zz-imagegate-buildset.conf');
  expect(readFileSync(dropIn, 'utf8')).toContain(main.outputs.url);
  // Written through sudo: root owns it, as it would own /etc/containers on a runner.
  expect(statSync(dropIn).uid).toBe(0);
  expect(existsSync(join(root, 'etc/containers/certs.d', main.outputs.url, 'ca.crt'))).toBe(true);

  const post = await runBundle('buildset-registry-post', {...common, state: main.state});
  expect(post.errors).toEqual([]);
  expect(post.code).toBe(0);
  expect(snapshot(root)).toEqual(before);
  const containers = JSON.parse(main.state['imagegate-buildset'] ?? '{}').containers ?? [];
  expect(await existingContainers(containers)).toEqual([]);
}, 120_000);
