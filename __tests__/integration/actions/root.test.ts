/** The root action (`uses: owner/imagegate@v1` + `command:`) dispatches to every command. */
import {isStagingRecordTag} from '../../../shared/staging/record.js';
import {runBundle} from '../../support/action-runner.js';
import {pushTestImage} from '../../support/images.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {makeWorkspace} from '../build/fixture.js';

let reg: TestRegistry;
beforeAll(async () => {
  reg = await startRegistry('plain');
});
afterAll(async () => {
  await reg?.stop();
});

const credentials = () => `${reg.host}: {username: ci, password: pw}`;
const image = () =>
  `- {context: multi, container_filename: Containerfile.multi, repository: ${reg.host}/root/app}`;

test('command: build, upload, promote, mirror', async () => {
  const ws = makeWorkspace('root');
  const env = {IMAGEGATE_DOCKER_BUILDER: 'classic'};
  const build = await runBundle('index', {
    cwd: ws.dir,
    env,
    inputs: {command: 'build', 'container-images': image()}
  });
  expect(build.errors).toEqual([]);
  expect(JSON.parse(build.outputs.images)[0].status).toBe('built');

  const upload = await runBundle('index', {
    cwd: ws.dir,
    env,
    inputs: {
      command: 'upload',
      'container-images': image(),
      'registry-credentials': credentials(),
      change: '5'
    }
  });
  expect(upload.errors).toEqual([]);
  // The change tag, and the staging record that dates it.
  const staged = await listTags(reg, 'root/app');
  expect(staged.filter(t => !t.startsWith('imagegate-staged-'))).toEqual(['change_5_latest']);
  expect(staged).toHaveLength(2);

  const promote = await runBundle('index', {
    cwd: ws.dir,
    env: {GITHUB_SHA: ws.revision},
    inputs: {command: 'promote', 'container-images': image(), change: '5'}
  });
  expect(promote.errors).toEqual([]);
  expect(await listTags(reg, 'root/app')).toEqual(['latest']);

  const source = await pushTestImage(reg, 'root/src', 'v1', {seed: 'root'});
  const mirror = await runBundle('index', {
    inputs: {
      command: 'mirror',
      mirrors: `- {src_repository: ${reg.host}/root/src, src_tag: v1, dest_repository: ${reg.host}/root/copy}`
    }
  });
  expect(mirror.errors).toEqual([]);
  expect(await rawManifestDigest(reg, 'root/copy', 'v1')).toBe(source.digest);
}, 120_000);

test('command: validate, and the validate action itself, as the runner runs them', async () => {
  const list = '- {context: docker/gerrit, repository: opendevorg/gerrit, tags: [2.15, 1.10]}';
  for (const [bundle, inputs] of [
    ['index', {command: 'validate', 'container-images': list}],
    ['validate', {'container-images': list}]
  ] as const) {
    const run = await runBundle(bundle, {inputs});
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs['container-images'])).toEqual([
      expect.objectContaining({repository: 'docker.io/opendevorg/gerrit', tags: ['2.15', '1.10']})
    ]);
    expect(run.summary).toContain('<code>docker.io/opendevorg/gerrit</code>');
  }
  const bad = await runBundle('validate', {
    inputs: {'container-images': '- {context: /home/zuul/src/x/y, repository: a/b}'}
  });
  expect(bad.code).toBe(1);
  expect(bad.errors[0]).toMatch(
    /^container-images\[0\]\.context: "\/home\/zuul\/src\/x\/y" is an absolute path/
  );
});

test('command: merge, with the records two platform pushes left', async () => {
  const revision = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
  const labels = {'org.opencontainers.image.revision': revision};
  for (const arch of ['amd64', 'arm64'])
    await pushTestImage(reg, 'root/multi', `change_5_latest.linux-${arch}`, {
      arch,
      labels,
      seed: arch
    });
  const list = `- {repository: ${reg.host}/root/multi, arch: [linux/amd64, linux/arm64]}`;
  const merge = await runBundle('index', {
    inputs: {
      command: 'merge',
      'container-images': list,
      'registry-credentials': credentials(),
      change: '5'
    }
  });
  expect(merge.errors).toEqual([]);
  expect((await listTags(reg, 'root/multi')).filter(t => !isStagingRecordTag(t))).toEqual([
    'change_5_latest'
  ]);
  expect(
    JSON.parse(merge.outputs.images)[0].platforms.map((p: {platform: string}) => p.platform)
  ).toEqual(['linux/amd64', 'linux/arm64']);
  expect(merge.summary).toContain('imagegate merge (tag)');
});
