/**
 * podman's layer cache ignores --platform: an arm64 build of a context it already built for
 * amd64 (same labels, as every image of one step has) returned the amd64 image. A build for one
 * named platform therefore runs without the cache; this reproduces the defect on real podman.
 */
import {execFileSync} from 'node:child_process';
import {runBundle} from '../../support/action-runner.js';
import {makeWorkspace} from './fixture.js';

test('podman: an arm64 image built after an amd64 one of the same context is arm64', async () => {
  const ws = makeWorkspace('podman-platform-cache');
  const entry = (name: string, arch: string) =>
    `- {context: multi, container_filename: Containerfile.multi, repository: localhost/platform-cache/${name}, arch: [${arch}]}`;
  const run = await runBundle('build', {
    cwd: ws.dir,
    inputs: {
      'container-images': [entry('amd', 'linux/amd64'), entry('arm', 'linux/arm64')].join('\n'),
      'container-command': 'podman',
      parallel: '1'
    }
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const arch = (name: string) =>
    execFileSync(
      'podman',
      [
        'image',
        'inspect',
        '--format',
        '{{.Architecture}}',
        `localhost/platform-cache/${name}:latest`
      ],
      {encoding: 'utf8'}
    ).trim();
  expect(arch('amd')).toBe('amd64');
  expect(arch('arm')).toBe('arm64');
}, 120_000);
