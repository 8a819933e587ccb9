/**
 * The imagegate CLI bundle (`dist/cli/index.js`, the package's bin) against real registries and
 * dockerd: the same inputs, validation and steps as the actions, exit codes 0 / 1 / 2.
 */
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {NODE24, REPO_ROOT} from '../../support/action-runner.js';
import {pushTestImage} from '../../support/images.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {makeWorkspace} from '../build/fixture.js';
import {type ForwardProxy, startForwardProxy} from '../../support/forward-proxy.js';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  options: {cwd?: string; env?: Record<string, string>; stdin?: string} = {}
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(NODE24, [join(REPO_ROOT, 'dist/cli/index.js'), ...args], {
      cwd: options.cwd ?? makeRunTempDir('cli'),
      env: {...process.env, ...options.env},
      stdio: ['pipe', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    child.on('error', fail);
    child.on('close', code => done({code, stdout, stderr}));
    child.stdin.end(options.stdin ?? '');
  });
}

let reg: TestRegistry;
let other: TestRegistry;
beforeAll(async () => {
  [reg, other] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), other?.stop()]);
});

describe('usage', () => {
  test('--help lists the commands; <command> --help lists its inputs from action.yml', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('registry start|stop');
    const promote = await cli(['promote', '--help']);
    expect(promote.code).toBe(0);
    expect(promote.stdout).toContain('--container-images (required)');
    expect(promote.stdout).toContain('--cleanup-age [default: 24h]');
  });

  test.each([
    [['deploy'], 'unknown command "deploy"'],
    [['promote', '--container-image', 'x'], 'promote has no input --container-image'],
    [['promote'], 'missing --container-images'],
    [['registry'], 'registry needs one of: start, stop'],
    [['mirror', 'extra'], 'unexpected argument "extra"']
  ])('%j exits 2', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test('bad input exits 1 with the same field-naming errors as the actions', async () => {
    const run = await cli([
      'promote',
      '--container-images',
      '- {repository: quay.io/org/App}',
      '--change',
      '4'
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error: container-images[0].repository: "quay.io/org/App": repository names must be lowercase'
    );
  });
});

describe('commands against real registries', () => {
  test('promote reads the list from a file and derives the revision from git', async () => {
    const ws = makeWorkspace('cli-promote');
    const pushed = await pushTestImage(reg, 'cli/app', 'change_42_latest', {
      labels: {'org.opencontainers.image.revision': ws.revision},
      seed: 'cli'
    });
    writeFileSync(
      join(ws.dir, 'images.yaml'),
      `- {repository: ${reg.host}/cli/app, tags: [latest]}\n`
    );
    const run = await cli(
      ['promote', '--container-images', 'images.yaml', '--change', '42', '--json'],
      {cwd: ws.dir}
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('imagegate promote of change #42');
    // --json prints the outputs as JSON values, not JSON text inside JSON strings.
    expect(JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('\n{') + 1))).toEqual({
      images: [
        {
          repository: `${reg.host}/cli/app`,
          tags: ['latest'],
          digest: pushed.digest,
          source: `${reg.host}/cli/app:change_42_latest`
        }
      ]
    });
    expect(await listTags(reg, 'cli/app')).toEqual(['latest']);
  });

  test('mirror takes its list on stdin', async () => {
    const src = await pushTestImage(reg, 'cli/src', 'v1', {seed: 'mirror'});
    const run = await cli(['mirror', '--mirrors', '-'], {
      stdin: `- {src_repository: ${reg.host}/cli/src, src_tag: v1, dest_repository: ${other.host}/cli/dst}`
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('copied');
    expect(await rawManifestDigest(other, 'cli/dst', 'v1')).toBe(src.digest);
  });

  test('upload builds with docker and pushes the change tag', async () => {
    const ws = makeWorkspace('cli-upload');
    const run = await cli(
      [
        'upload',
        '--container-images',
        `- {context: multi, container_filename: Containerfile.multi, repository: ${reg.host}/cli/built}`,
        '--change',
        '7',
        '--registry-credentials',
        `${reg.host}: {username: ci, password: open-sesame}`
      ],
      {cwd: ws.dir, env: {IMAGEGATE_DOCKER_BUILDER: 'classic'}}
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('open-sesame');
    const tags = await listTags(reg, 'cli/built');
    expect(tags.filter(t => !t.startsWith('imagegate-staged-'))).toEqual(['change_7_latest']);
    // The staging record that lets cleanup age the change tag (run id "local" outside Actions).
    expect(tags.filter(t => /^imagegate-staged-\d{8}T\d{6}Z-local-1-/.test(t))).toHaveLength(1);
  }, 120_000);
});

describe('outside GitHub', () => {
  // Every HTTPS request would go through this proxy, so its log shows whether GitHub was asked.
  let proxy: ForwardProxy;
  beforeAll(async () => {
    proxy = await startForwardProxy();
  });
  afterAll(() => proxy?.stop());

  test('without GITHUB_API_URL or a token nothing is sent to GitHub; the log says what would be needed', async () => {
    const ws = makeWorkspace('cli-offline');
    await pushTestImage(reg, 'cli/offline', 'change_5_latest', {
      labels: {'org.opencontainers.image.revision': ws.revision},
      seed: 'offline'
    });
    const run = await cli(
      ['promote', '--container-images', `- {repository: ${reg.host}/cli/offline}`, '--change', '5'],
      {cwd: ws.dir, env: {GITHUB_REPOSITORY: 'acme/app', HTTPS_PROXY: proxy.url}}
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the merged tree is not checked');
    expect(run.stdout).toContain('give --github-token and GITHUB_REPOSITORY');
    expect(proxy.requests()).toEqual([]);
  });

  test('a change that would have to be looked up is asked for', async () => {
    const run = await cli(
      ['promote', '--container-images', `- {repository: ${reg.host}/cli/offline}`],
      {env: {GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00'}}
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no GitHub API at hand to look it up');
    expect(run.stderr).toContain('set change (--change N)');
    expect(proxy.requests()).toEqual([]);
  });
});
