/** Engine detection against the machine's real docker clients and podman. */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {detectEngine, dockerClients} from '../../../shared/engine/detect.js';
import {ProcessRunner} from '../../../shared/engine/process-runner.js';
import {makeRunTempDir} from '../../support/run-dir.js';

const runner = new ProcessRunner();

test('docker: no buildx here, so BuildKit through the 20.10 client that is not first on PATH', async () => {
  const profile = await detectEngine('docker', {runner, env: process.env});
  expect(profile.kind).toBe('buildkit');
  expect(profile.binary).toBe('/usr/bin/docker');
  expect(profile.version).toMatch(/^20\./);
  expect(profile.reason).toMatch(/no docker buildx/);
});

test('forced classic, and forced buildx refused where buildx does not work', async () => {
  const env = {...process.env, IMAGEGATE_DOCKER_BUILDER: 'classic'};
  expect((await detectEngine('docker', {runner, env})).kind).toBe('classic');
  await expect(
    detectEngine('docker', {runner, env: {...process.env, IMAGEGATE_DOCKER_BUILDER: 'buildx'}})
  ).rejects.toThrow(/buildx version` fails/);
  await expect(
    detectEngine('docker', {runner, env: {...process.env, IMAGEGATE_DOCKER_BUILDER: 'kaniko'}})
  ).rejects.toThrow(/not one of buildx, buildkit, classic/);
});

test('podman', async () => {
  expect(await detectEngine('podman', {runner, env: process.env})).toMatchObject({
    kind: 'podman',
    binary: 'podman'
  });
});

test('docker clients: PATH order, executables only, duplicates once', () => {
  const dir = makeRunTempDir('path');
  writeFileSync(join(dir, 'docker'), '', {mode: 0o644});
  const clients = dockerClients(
    {PATH: [dir, '/usr/local/bin', '/usr/bin', '/usr/bin'].join(':')},
    p => p !== join(dir, 'docker') && /^\/usr/.test(p)
  );
  expect(clients).toEqual(['/usr/local/bin/docker', '/usr/bin/docker']);
});
