/**
 * `imagegate <command>` through runCli in this process (injected environment, working
 * directory, terminal and stdin) against real registries; skopeo checks digests and tags. The
 * bundle runs (`dist/cli/index.js`) are in cli.test.ts; these reach the code without a bundle.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pushTestImage} from '../../support/images.js';
import {runCliInProcess} from '../../support/in-process.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {makeWorkspace} from '../build/fixture.js';

let plain: TestRegistry;
let tls: TestRegistry;
beforeAll(async () => {
  [plain, tls] = await Promise.all([startRegistry('plain'), startRegistry('tls')]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop()]);
});

const tlsEnv = () => ({IMAGEGATE_REGISTRY_CA_FILES: tls.caFile as string});
const tlsCredentials = () =>
  `${tls.host}: {username: ${tls.username}, password: "${tls.password}"}\n`;
/** The `--json` block the CLI prints last. */
const jsonOutputs = (output: string): unknown =>
  JSON.parse(output.slice(output.lastIndexOf('\n{') + 1));

test('promote: list and credentials from files, revision from git, --json outputs', async () => {
  const ws = makeWorkspace('cli-in-process-promote');
  const pushed = await pushTestImage(tls, 'cli/app', 'change_42_latest', {
    labels: {'org.opencontainers.image.revision': ws.revision},
    seed: 'cli-in-process'
  });
  writeFileSync(
    join(ws.dir, 'images.yaml'),
    `- {repository: ${tls.host}/cli/app, tags: [latest]}\n`
  );
  writeFileSync(join(ws.dir, 'credentials.yaml'), tlsCredentials());

  const run = await runCliInProcess(
    [
      'promote',
      '--container-images',
      'images.yaml',
      '--registry-credentials',
      'credentials.yaml',
      '--change',
      '42',
      '--json'
    ],
    {cwd: ws.dir, env: tlsEnv()}
  );
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.output).toContain('imagegate promote of change #42');
  expect(run.output).not.toContain(tls.password);
  expect(jsonOutputs(run.output)).toEqual({
    images: [
      {
        repository: `${tls.host}/cli/app`,
        tags: ['latest'],
        digest: pushed.digest,
        source: `${tls.host}/cli/app:change_42_latest`
      }
    ]
  });
  expect(await listTags(tls, 'cli/app')).toEqual(['latest']);
  expect(await rawManifestDigest(tls, 'cli/app', 'latest')).toBe(pushed.digest);
});

test('mirror: the list on stdin, a dry run first, then the copy', async () => {
  const pushed = await pushTestImage(plain, 'cli/src', 'v1', {seed: 'cli-in-process-mirror'});
  const stdin = `- {src_repository: ${plain.host}/cli/src, src_tag: v1, dest_repository: ${tls.host}/cli/dst}`;
  const args = ['mirror', '--mirrors', '-', '--registry-credentials', tlsCredentials(), '--json'];

  const mark = logMark(tls);
  const dry = await runCliInProcess([...args, '--dry-run'], {stdin, env: tlsEnv()});
  expect(dry.errors).toEqual([]);
  expect(dry.code).toBe(0);
  expect(writesSince(tls, mark)).toEqual([]);
  expect(jsonOutputs(dry.output)).toMatchObject({
    mirrored: [{destination: `${tls.host}/cli/dst:v1`, digest: pushed.digest, result: 'planned'}]
  });

  const run = await runCliInProcess(args, {stdin, env: tlsEnv()});
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.output).not.toContain(tls.password);
  expect(jsonOutputs(run.output)).toMatchObject({
    mirrored: [{destination: `${tls.host}/cli/dst:v1`, digest: pushed.digest, result: 'copied'}]
  });
  expect(await rawManifestDigest(tls, 'cli/dst', 'v1')).toBe(pushed.digest);
});

test('bad input: exit 1, every field named, nothing written; a usage error exits 2', async () => {
  const mark = logMark(plain);
  const run = await runCliInProcess([
    'mirror',
    '--mirrors',
    `- {src_repository: ${plain.host}/cli/src, src_tag: "-v1", dest_repository: ${plain.host}/cli/Dst}`
  ]);
  expect(run.code).toBe(1);
  expect(run.errors.join('\n')).toMatch(/mirrors\[0\]\.src_tag/);
  expect(run.errors.join('\n')).toMatch(/mirrors\[0\]\.dest_repository/);
  expect(run.output).toContain('nothing was built or written');
  expect(writesSince(plain, mark)).toEqual([]);

  const usage = await runCliInProcess(['mirror', '--mirror', 'x']);
  expect(usage.code).toBe(2);
  expect(usage.output).toContain('mirror has no input --mirror');
});
