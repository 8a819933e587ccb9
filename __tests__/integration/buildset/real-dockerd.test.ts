/**
 * The tests that need the machine's real dockerd and its real /etc/docker: they restore it
 * exactly, but one RESTARTS dockerd (restart-docker), which stops every running container, so
 * this file must run alone (serially, after or before the rest of the suite).
 *  - TLS verified for real: the registry on a docker network address (dockerd skips
 *    verification on 127.0.0.0/8), a pull failing without the CA and passing with it;
 *  - `docker pull docker.io/<org>/<app>:<tag>` served by the buildset registry after SIGHUP;
 *  - BuildKit `FROM` of that name resolving to the speculative image with restart-docker.
 */
import {execFile, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, readFileSync, renameSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {type RunnerContext} from '../../../shared/model/runner-context.js';
import {type BuildsetDeps} from '../../../shared/buildset/deps.js';
import {SystemDockerDaemon} from '../../../shared/buildset/configure/dockerd.js';
import {buildsetMain} from '../../../shared/buildset/main-step.js';
import {systemPaths} from '../../../shared/buildset/paths.js';
import {buildsetPost} from '../../../shared/buildset/post-step.js';
import {ProcessRunner} from '../../../shared/engine/process-runner.js';
import {type BuildsetRegistryInputs} from '../../../shared/inputs/buildset-registry.js';
import {pushTestImage} from '../../support/images.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {
  REGISTRY_IMAGE,
  asTestRegistry,
  existingContainers,
  testContext,
  testDeps
} from './support.js';

const exec = promisify(execFile);
const DOCKER_20 = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

/** What /etc/docker looked like before each test (must look the same after). */
function etcDocker(): Record<string, string | null> {
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : null);
  return {
    daemon: read('/etc/docker/daemon.json'),
    certsDir: existsSync('/etc/docker/certs.d') ? 'present' : null
  };
}

function realDeps(root: string, state: Map<string, string>, extra: Partial<BuildsetDeps> = {}) {
  const runner = new ProcessRunner();
  const paths = {...systemPaths(process.env), containersAuthFile: join(root, 'auth.json')};
  return {
    ...testDeps(root, state),
    paths,
    dockerd: new SystemDockerDaemon(runner, paths.dockerPidFile),
    ...extra
  };
}

function inputs(namespaces: string[], restartDocker = false): BuildsetRegistryInputs {
  return {
    registryImage: REGISTRY_IMAGE,
    containerCommand: 'docker',
    configure: ['docker'],
    namespaces,
    registryCredentials: [],
    requireDependencies: false,
    share: 'none',
    restartDocker,
    githubToken: '',
    identity: {pipeline: 'check', event: 'pull_request'}
  };
}

/** Run to completion with stdin; never rejects. */
function run(command: string, args: string[], input = '', env: Record<string, string> = {}) {
  return new Promise<{code: number; output: string}>(resolve => {
    const child = spawn(command, args, {env: {...process.env, ...env}});
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('close', code => resolve({code: code ?? 1, output}));
    child.stdin.end(input);
  });
}

async function withMainAndPost(
  deps: BuildsetDeps,
  ctx: RunnerContext,
  request: BuildsetRegistryInputs,
  body: (main: Awaited<ReturnType<typeof buildsetMain>>) => Promise<void>
): Promise<void> {
  const before = etcDocker();
  const main = await buildsetMain(request, ctx, deps);
  try {
    await body(main);
  } finally {
    await buildsetPost(ctx, deps, {identity: request.identity, jobOutcome: async () => 'failure'});
  }
  expect(etcDocker()).toEqual(before);
}

async function createNetwork(): Promise<{name: string; ip: string}> {
  const name = `imagegate-bsr-${randomBytes(3).toString('hex')}`;
  for (let attempt = 0; attempt < 10; attempt++) {
    const octet = 100 + Math.floor(Math.random() * 150);
    const result = await run('docker', [
      'network',
      'create',
      '--subnet',
      `172.31.${octet}.0/24`,
      name
    ]);
    if (result.code === 0) return {name, ip: `172.31.${octet}.10`};
  }
  throw new Error('no free subnet for the test network');
}

test('TLS is verified for real on a docker network address: CA needed', async () => {
  const root = makeRunTempDir('bsr-tls');
  const state = new Map<string, string>();
  const network = await createNetwork();
  try {
    const deps = realDeps(root, state, {placement: {network: network.name, ip: network.ip}});
    await withMainAndPost(deps, testContext(root), inputs(['quay.io']), async main => {
      const r = main.registry;
      expect(r.registry).toBe(`${network.ip}:5000`);
      const bsr = asTestRegistry({...r, url: r.registry});
      await pushTestImage(bsr, 'org/tls', '1', {seed: 'tls'});
      const ref = `${r.registry}/org/tls:1`;
      const ca = join('/etc/docker/certs.d', r.registry, 'ca.crt');
      renameSync(ca, `${ca}.away`);
      const without = await run('docker', ['pull', ref]);
      renameSync(`${ca}.away`, ca);
      expect(without.code).not.toBe(0);
      expect(without.output).toMatch(/x509|certificate signed by unknown authority/);
      const withCa = await run('docker', ['pull', ref]);
      expect(withCa.output).not.toMatch(/x509/);
      expect(withCa.code).toBe(0);
      await run('docker', ['rmi', ref]);
    });
    expect(
      await existingContainers(JSON.parse(state.get('imagegate-buildset')!).containers)
    ).toEqual([]);
  } finally {
    await run('docker', ['network', 'rm', network.name]);
  }
}, 120_000);

test('docker pull docker.io/<org>/<app> is served from the buildset registry after SIGHUP', async () => {
  const root = makeRunTempDir('bsr-mirror');
  const deps = realDeps(root, new Map());
  const app = `imagegate-e2e/app-${randomBytes(3).toString('hex')}`;
  await withMainAndPost(deps, testContext(root), inputs(['docker.io']), async main => {
    const r = main.registry;
    expect(r.mirror).toBeDefined();
    const pushed = await pushTestImage(asTestRegistry({...r, url: r.registry}), app, '1', {
      format: 'v2s2'
    });
    const pull = await run('docker', ['pull', `docker.io/${app}:1`]);
    expect(pull.output).toContain(pushed.digest);
    expect(pull.code).toBe(0);
    await run('docker', ['rmi', `${app}:1`]);
  });
}, 120_000);

test('BuildKit FROM resolves to the speculative image with restart-docker', async () => {
  const root = makeRunTempDir('bsr-buildkit');
  const deps = realDeps(root, new Map());
  const app = `imagegate-e2e/base-${randomBytes(3).toString('hex')}`;
  const tag = `imagegate-e2e/built-${randomBytes(3).toString('hex')}:1`;
  await withMainAndPost(deps, testContext(root), inputs(['docker.io'], true), async main => {
    const r = main.registry;
    await pushTestImage(asTestRegistry({...r, url: r.registry}), app, '1', {format: 'v2s2'});
    const dockerfile = `FROM docker.io/${app}:1\nLABEL dev.imagegate.test=buildkit\n`;
    const build = await run(DOCKER_20, ['build', '-t', tag, '-'], dockerfile, {
      DOCKER_BUILDKIT: '1'
    });
    expect(build.output).not.toMatch(/registry-1\.docker\.io/);
    if (build.code !== 0) console.log(build.output);
    expect(build.code).toBe(0);
    const {stdout} = await exec('docker', [
      'image',
      'inspect',
      '--format',
      '{{json .Config.Labels}}',
      tag
    ]);
    expect(JSON.parse(stdout)).toEqual({'dev.imagegate.test': 'buildkit'});
    await run('docker', ['rmi', tag]);
  });
}, 180_000);
