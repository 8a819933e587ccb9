/**
 * The build action through its bundle, on the real dockerd (BuildKit through the 20.10 client,
 * and the classic builder) and podman. A buildset registry (env) receives every image, so the
 * labels and platforms are checked through the registry API.
 */
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {runBundle} from '../../support/action-runner.js';
import {startRegistry, type TestRegistry} from '../../support/registry.js';
import {Registry} from '../../../shared/registry/index.js';
import {parseReference} from '../../../shared/model/reference.js';
import {expectValidSummary} from '../../support/summary.js';
import {ensurePodmanBusybox, imageList, localPlatformTags, makeWorkspace} from './fixture.js';

const PR_EVENT = {
  number: 42,
  pull_request: {number: 42, html_url: 'https://github.com/acme/app/pull/42', head: {sha: 'abc'}}
};

let reg: TestRegistry;
let registry: Registry;
beforeAll(async () => {
  reg = await startRegistry('plain');
  registry = new Registry();
});
afterAll(async () => {
  registry.close();
  await reg.stop();
});

interface Output {
  field: string;
  status: string;
  tags: string[];
  imageId?: string;
  platforms: string[];
  pushed: {ref: string; digest: string}[];
  error?: string;
}

// prettier-ignore
const ENGINES: Array<[string, string, Record<string, string>, boolean]> = [
  ['docker BuildKit', 'docker', {IMAGEGATE_DOCKER_BUILDER: 'buildkit'}, true],
  ['podman', 'podman', {}, true],
  ['docker classic', 'docker', {IMAGEGATE_DOCKER_BUILDER: 'classic'}, false]
];

describe.each(ENGINES)('%s', (name, command, env, crossBuilds) => {
  const ns = `it-${name.replace(/ /g, '-').toLowerCase()}`;

  test('three images (one FROM another), build args, target, labels, siblings, two platforms', async () => {
    if (command === 'podman') ensurePodmanBusybox();
    const ws = makeWorkspace(ns);
    const run = await runBundle('build', {
      cwd: ws.dir,
      eventName: 'pull_request',
      event: PR_EVENT,
      env: {...env, IMAGEGATE_BUILDSET_REGISTRY: reg.host},
      inputs: {
        'container-images': imageList(ns, {multi: true}),
        'container-command': command,
        parallel: '2'
      }
    });
    const images = JSON.parse(run.outputs.images) as Output[];
    const [app, base, multi] = images;
    expect(run.stdout).toMatch(/Container engine: /);
    // app is built FROM base: the order comes from the Dockerfile's FROM after ARG substitution.
    expect(base.error).toBeUndefined();
    expect(app.status).toBe('built');
    expect(base.status).toBe('built');
    expect(app.tags).toEqual([
      `localhost/${ns}/app:latest`,
      `localhost/${ns}/app:change_42_latest`,
      `localhost/${ns}/app:v1`,
      `localhost/${ns}/app:change_42_v1`
    ]);
    // Parallel logs carry the image as prefix.
    expect(run.stdout).toContain(`[localhost/${ns}/base] `);
    expect(existsSync(join(ws.dir, 'app', '.imagegate-siblings'))).toBe(false);

    const appRef = parseReference(`${reg.host}/localhost/${ns}/app:v1`);
    const config = await registry.imageConfig(appRef);
    expect(config.labels).toMatchObject({
      team: 'gate',
      'org.opencontainers.image.revision': ws.revision,
      'dev.imagegate.source-tree': ws.tree,
      'org.opencontainers.image.source': 'https://github.com/acme/app',
      'dev.imagegate.change': '42',
      'dev.imagegate.change-url': 'https://github.com/acme/app/pull/42'
    });
    expect(config.labels?.['org.opencontainers.image.created']).toMatch(/^20[0-9-]+T[0-9:]+Z$/);
    expect(run.stdout).toMatch(/org\.opencontainers\.image\.revision is set by imagegate/);
    expect(app.pushed.map(p => p.ref)).toEqual([
      `${reg.host}/localhost/${ns}/app:latest`,
      `${reg.host}/localhost/${ns}/app:v1`
    ]);
    expect((await registry.resolve(appRef))?.digest).toBe(app.pushed[1].digest);

    if (crossBuilds) {
      expect(multi.status).toBe('built');
      const multiRef = parseReference(`${reg.host}/localhost/${ns}/multi:latest`);
      const head = await registry.resolve(multiRef);
      expect(head?.mediaType).toMatch(/index|manifest\.list/);
      expect(head?.digest).toBe(multi.pushed[0].digest);
      expect((await registry.imageConfig(multiRef, 'linux/arm64')).architecture).toBe('arm64');
      expect((await registry.imageConfig(multiRef, 'linux/amd64')).architecture).toBe('amd64');
      expect(run.code).toBe(0);
    } else {
      // The classic builder cannot build another platform: that image fails, the others finish.
      expect(multi.status).toBe('failed');
      expect(multi.error).toMatch(/classic builder cannot build for linux\/amd64, linux\/arm64/);
      expect(run.code).toBe(1);
      expect(run.summary).toContain('❌ failed');
      expect(run.errors.join('\n')).toMatch(/1 image failed: container-images\[2\]/);
    }
  }, 180_000);
});

describe('sequential build and failures', () => {
  test('parallel 1: one group per image; a failing build fails the step after the others finish', async () => {
    const ws = makeWorkspace('it-seq');
    const images = `${imageList('it-seq')}\n- {context: broken, repository: localhost/it-seq/broken}`;
    const run = await runBundle('build', {
      cwd: ws.dir,
      env: {IMAGEGATE_DOCKER_BUILDER: 'buildkit'},
      inputs: {'container-images': images, parallel: '1', pipeline: 'check'}
    });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.outputs.images) as Output[];
    expect(out.map(o => o.status)).toEqual(['built', 'built', 'failed']);
    expect(out[0].tags).toContain('localhost/it-seq/app:check_latest');
    expect(run.stdout).toContain('::group::Building container-images[1]: localhost/it-seq/base');
    expect(run.errors.join('\n')).toMatch(
      /container-images\[2\] \(localhost\/it-seq\/broken\): .*exited with 1/
    );
    expect(run.summary).toMatch(/container-images\[2\] localhost\/it-seq\/broken.*failed/);
    // Empty cells (no error for the built images) are closed, the image ids are code.
    expectValidSummary(run.summary);
    expect(run.summary).toMatch(/<td><code>sha256:[0-9a-f]{12}<\/code><\/td>/);
  }, 120_000);
});

test('docker without buildx: the per-platform temporary tags leave the local store', async () => {
  const ns = `it-tmp-${randomBytes(3).toString('hex')}`;
  const ws = makeWorkspace(ns);
  const run = await runBundle('build', {
    cwd: ws.dir,
    env: {IMAGEGATE_DOCKER_BUILDER: 'buildkit'},
    inputs: {
      'container-images': `- {context: multi, container_filename: Containerfile.multi, repository: localhost/${ns}/multi, arch: [linux/amd64, linux/arm64]}`
    }
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(localPlatformTags('docker', `/${ns}/multi`)).toEqual([]);
}, 60_000);
