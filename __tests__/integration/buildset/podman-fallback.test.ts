/**
 * podman as a configured client: for a namespace other than docker.io whose upstream is another
 * local registry, a pull gets the speculative image from the buildset registry when it has one
 * and falls back to the upstream when it does not. Paths live under a temp root; podman reads
 * the drop-in through CONTAINERS_REGISTRIES_CONF and both CAs through --cert-dir.
 */
import {execFile} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {buildsetMain} from '../../../shared/buildset/main-step.js';
import {buildsetPost} from '../../../shared/buildset/post-step.js';
import {DROP_IN_NAME} from '../../../shared/buildset/configure/containers-config.js';
import {type BuildsetRegistryInputs} from '../../../shared/inputs/buildset-registry.js';
import {pushTestImage} from '../../support/images.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {
  REGISTRY_IMAGE,
  asTestRegistry,
  existingContainers,
  testContext,
  testDeps
} from './support.js';

const exec = promisify(execFile);
let upstream: TestRegistry;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  upstream = await startRegistry('tls');
});
afterAll(async () => {
  await upstream?.stop();
  for (const c of cleanups) c();
});

test('podman prefers the buildset registry and falls back to the upstream', async () => {
  const root = makeRunTempDir('buildset-podman');
  const ns = upstream.host;
  // The upstream's credentials are in the auth file before main adds the buildset registry's.
  const auth = Buffer.from(`${upstream.username}:${upstream.password}`).toString('base64');
  writeFileSync(process.env.REGISTRY_AUTH_FILE as string, JSON.stringify({auths: {[ns]: {auth}}}));
  const inputs: BuildsetRegistryInputs = {
    registryImage: REGISTRY_IMAGE,
    containerCommand: 'docker',
    configure: ['podman'],
    namespaces: [ns],
    registryCredentials: [],
    requireDependencies: false,
    share: 'none',
    restartDocker: false,
    githubToken: '',
    identity: {pipeline: 'check', event: 'pull_request'}
  };
  const ctx = testContext(root);
  const state = new Map<string, string>();
  const deps = testDeps(root, state);
  const {registry} = await buildsetMain(inputs, ctx, deps);
  try {
    const bsr = asTestRegistry({...registry, url: registry.registry});
    const onlyUpstream = await pushTestImage(upstream, 'org/only-upstream', '1', {seed: 'u1'});
    await pushTestImage(upstream, 'org/both', '1', {seed: 'u2'});
    const speculative = await pushTestImage(bsr, `${ns.replace(':', '_')}/org/both`, '1', {
      seed: 'spec'
    });

    const certs = join(root, 'podman-certs');
    mkdirSync(certs);
    copyFileSync(registry.caCertFile, join(certs, 'buildset.crt'));
    copyFileSync(upstream.caFile as string, join(certs, 'upstream.crt'));
    // podman limits the run root's length.
    const run = mkdtempSync(join(tmpdir(), 'igp-'));
    cleanups.push(() => rmSync(run, {recursive: true, force: true}));
    const podman = async (...args: string[]) =>
      exec(
        'podman',
        ['--root', join(root, 'storage'), '--runroot', run, '--storage-driver', 'vfs', ...args],
        {
          env: {
            ...process.env,
            CONTAINERS_REGISTRIES_CONF: join(deps.paths.registriesConfDir, DROP_IN_NAME)
          }
        }
      );
    const pulledDigest = async (ref: string) => {
      await podman('pull', '--quiet', '--cert-dir', certs, ref);
      return (await podman('image', 'inspect', '--format', '{{.Digest}}', ref)).stdout.trim();
    };
    expect(await pulledDigest(`${ns}/org/both:1`)).toBe(speculative.digest);
    expect(await pulledDigest(`${ns}/org/only-upstream:1`)).toBe(onlyUpstream.digest);
  } finally {
    await buildsetPost(ctx, deps, {
      identity: inputs.identity,
      jobOutcome: async () => 'failure'
    });
  }
  const saved = JSON.parse(state.get('imagegate-buildset') as string) as {containers: string[]};
  expect(await existingContainers(saved.containers)).toEqual([]);
}, 120_000);
