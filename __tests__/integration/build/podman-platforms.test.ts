/**
 * podman builds through the build bundle. Its layer cache ignores --platform: an arm64 build of
 * a context it already built for amd64 (same labels, as every image of one step has) returned
 * the amd64 image, so a build for one named platform runs without the cache (the first test
 * reproduces the defect). squash: true adds one layer, and the build record names the base.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runBundle} from '../../support/action-runner.js';
import {BUSYBOX, ensurePodmanBusybox, makeWorkspace} from './fixture.js';

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

test('podman, squash and the build record: one layer added, the base image named with its id', async () => {
  ensurePodmanBusybox();
  const ws = makeWorkspace('podman-squash');
  mkdirSync(join(ws.dir, 'layers'));
  writeFileSync(
    join(ws.dir, 'layers/Dockerfile'),
    `FROM ${BUSYBOX}\nRUN echo a > /a\nRUN echo b > /b\nCOPY Dockerfile /Dockerfile\n`
  );
  const list = (name: string) => `- {context: layers, repository: localhost/podman-squash/${name}}`;
  const layers = (ref: string) =>
    Number(
      execFileSync('podman', ['image', 'inspect', '--format', '{{len .RootFS.Layers}}', ref], {
        encoding: 'utf8'
      }).trim()
    );
  const base = layers(BUSYBOX);
  for (const [name, squash, added] of [
    ['plain', 'false', 3],
    ['squashed', 'true', 1]
  ] as const) {
    const run = await runBundle('build', {
      cwd: ws.dir,
      inputs: {'container-images': list(name), 'container-command': 'podman', squash}
    });
    expect(run.errors).toEqual([]);
    expect(layers(`localhost/podman-squash/${name}:latest`)).toBe(base + added);
    const [record] = JSON.parse(readFileSync(run.outputs['build-records'], 'utf8')) as {
      baseImage: {name: string; imageId?: string};
      engine: {kind: string};
    }[];
    expect(record.engine.kind).toBe('podman');
    expect(record.baseImage.name).toBe(BUSYBOX);
    const baseId = execFileSync('podman', ['image', 'inspect', '--format', '{{.Id}}', BUSYBOX], {
      encoding: 'utf8'
    }).trim();
    expect(record.baseImage.imageId).toBe(`sha256:${baseId}`);
  }
}, 120_000);
