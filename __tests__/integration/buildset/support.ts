/**
 * Helpers for the buildset registry tests: the running buildset registry seen as a TestRegistry
 * (so images.ts and skopeo.ts can push to and inspect it), and container bookkeeping.
 */
import {execFile, execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {type RunnerContext} from '../../../shared/model/runner-context.js';
import {type BuildsetDeps} from '../../../shared/buildset/deps.js';
import {pathsUnder} from '../../../shared/buildset/paths.js';
import {removeContainer} from '../../../shared/buildset/start/container.js';
import {prepareRegistry} from '../../../shared/buildset/start/start.js';
import {ProcessRunner} from '../../../shared/engine/process-runner.js';
import {type TestRegistry} from '../../support/registry.js';

const exec = promisify(execFile);

export const REGISTRY_IMAGE =
  process.env.IMAGEGATE_TEST_REGISTRY_IMAGE ?? 'localhost/imagegate-test/registry:2';

/** The buildset registry's coordinates as main reports them. */
export interface BuildsetCoordinates {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Directory holding ca.crt. */
  readonly certDir: string;
}

/** A TestRegistry view of the buildset registry (TLS verified with its CA, its credentials). */
export function asTestRegistry(c: BuildsetCoordinates): TestRegistry {
  const skopeoArgs = (side: 'src' | 'dest' | 'plain', o: {creds?: boolean | string} = {}) => {
    const flag = (name: string) => (side === 'plain' ? `--${name}` : `--${side}-${name}`);
    const creds =
      typeof o.creds === 'string'
        ? o.creds
        : o.creds === false
          ? undefined
          : `${c.username}:${c.password}`;
    return [flag('cert-dir'), c.certDir, ...(creds ? [flag('creds'), creds] : [])];
  };
  return {
    flavour: 'tls',
    host: c.url,
    url: `https://${c.url}`,
    username: c.username,
    password: c.password,
    certDir: c.certDir,
    dataDir: '',
    logFile: '/dev/null',
    skopeoArgs,
    stop: async () => undefined
  };
}

/** Names of existing containers (running or not) among `names`. */
export async function existingContainers(names: readonly string[], command = 'docker') {
  const {stdout} = await exec(command, ['ps', '-a', '--format', '{{.Names}}']);
  const all = stdout.split('\n');
  return names.filter(n => all.includes(n));
}

/** The containers main started, from its saved state. */
export function containersOf(state: Record<string, string>): string[] {
  const saved = JSON.parse(state['imagegate-buildset'] ?? '{}') as {containers?: string[]};
  return saved.containers ?? [];
}

/** Deps for a direct call of the step: real runner, paths under `root`, no GitHub, no dockerd. */
export function testDeps(root: string, state: Map<string, string>): BuildsetDeps {
  const fail = () => {
    throw new Error('not used in this test');
  };
  return {
    runner: new ProcessRunner(),
    env: process.env,
    paths: pathsUnder(root, process.env),
    log: {info: () => undefined, warning: () => undefined, group: (_t, fn) => fn()},
    state: {save: (n, v) => void state.set(n, v), get: n => state.get(n) ?? ''},
    mask: () => undefined,
    setOutput: () => undefined,
    exportVariable: () => undefined,
    dockerd: {reload: async () => fail(), restart: async () => fail()},
    share: fail,
    registry: fail,
    github: fail,
    now: () => new Date(),
    addresses: () => [],
    summary: async () => undefined
  };
}

/** A runner context rooted in `root` (workspace and RUNNER_TEMP), with no reachable GitHub API. */
export function testContext(root: string, eventName = 'pull_request'): RunnerContext {
  return {
    eventName,
    payload: {},
    workspace: root,
    runAttempt: '1',
    apiUrl: 'http://127.0.0.1:9',
    serverUrl: 'https://github.com',
    runnerTemp: root
  };
}

/**
 * Prepare and launch a buildset registry under `root` with docker, no runtime configured, run
 * `use` with the names of the containers it started, then remove them.
 */
export async function withLaunchedRegistry(
  deps: BuildsetDeps,
  root: string,
  withMirror: boolean,
  use: (names: readonly string[]) => Promise<void> | void
): Promise<void> {
  const names: string[] = [];
  try {
    const prepared = await prepareRegistry(deps, {
      rootDir: join(root, 'registry'),
      storageDir: join(root, 'storage'),
      image: REGISTRY_IMAGE,
      engine: 'docker',
      withMirror,
      onContainer: name => names.push(name)
    });
    await prepared.launch();
    await use(names);
  } finally {
    const runner = new ProcessRunner();
    for (const name of names) await removeContainer(runner, 'docker', name);
  }
}

/** The host addresses a container's published ports are bound to. */
export function publishedHostIps(name: string): string[] {
  const bindings = JSON.parse(
    execFileSync('docker', ['inspect', '--format', '{{json .HostConfig.PortBindings}}', name], {
      encoding: 'utf8'
    })
  ) as Record<string, {HostIp: string}[]>;
  return Object.values(bindings)
    .flat()
    .map(b => b.HostIp);
}
