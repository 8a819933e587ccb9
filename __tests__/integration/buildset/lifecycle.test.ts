/**
 * The bundled action, main then post, as the runner runs them: a TLS + htpasswd registry that
 * refuses anonymous pushes, runtimes configured (paths moved under a temp root), Depends-On
 * changes across two repositories with a cycle copied in under their final names, and post
 * publishing this job's image with the change index, then leaving nothing behind.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {readChangeIndex, writeChangeIndex} from '../../../shared/change-index/store.js';
import {Registry} from '../../../shared/registry/index.js';
import {parseCommandFile, runBundle, withoutMasks} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage} from '../../support/images.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {SkopeoError, rawManifestDigest} from '../../support/skopeo.js';
import {REGISTRY_IMAGE, asTestRegistry, containersOf, existingContainers} from './support.js';

let intermediate: TestRegistry;
let github: GitHubApiFixture;

const PR = (body: string) => ({body, number: 0});

beforeAll(async () => {
  intermediate = await startRegistry('plain');
  github = await startGitHubApi({
    'GET /repos/acme/lib/pulls/12': PR('Depends-On: https://github.com/acme/tools/pull/3'),
    // The cycle back to the change under test, and a change that never staged images.
    'GET /repos/acme/tools/pulls/3': PR('Depends-On: acme/app#5\nDepends-On: acme/tools#4'),
    'GET /repos/acme/tools/pulls/4': PR('')
  });
});
afterAll(async () => {
  await Promise.all([intermediate?.stop(), github?.stop()]);
});

async function stageChange(repo: string, change: number, image: string, tag: string, seed: string) {
  const [registry, ...path] = image.split('/');
  const stagedRepo = `${registry}/${path.join('/')}`;
  const pushed = await pushTestImage(intermediate, stagedRepo, `77-1_${tag}`, {seed});
  const engine = new Registry();
  try {
    await writeChangeIndex(
      engine,
      {registry: intermediate.host, path: ''},
      {
        version: 1,
        repository: repo,
        change,
        createdAt: new Date().toISOString(),
        images: [
          {
            repository: image,
            tag,
            staged: `${intermediate.host}/${stagedRepo}:77-1_${tag}`,
            digest: pushed.digest
          }
        ]
      }
    );
  } finally {
    engine.close();
  }
  return pushed.digest;
}

test('main starts and configures, populates from Depends-On; post publishes and restores', async () => {
  const libDigest = await stageChange('acme/lib', 12, 'quay.io/acme/lib', 'latest', 'lib');
  const toolDigest = await stageChange('acme/tools', 3, 'docker.io/acme/tool', '1.0', 'tool');

  const root = makeRunTempDir('buildset-root');
  const githubEnv = join(root, 'github-env');
  writeFileSync(githubEnv, '');
  const files = {
    dockerConfig: join(process.env.DOCKER_CONFIG as string, 'config.json'),
    authFile: process.env.REGISTRY_AUTH_FILE as string,
    daemon: join(root, 'etc/docker/daemon.json'),
    otherDropIn: join(root, 'etc/containers/registries.conf.d/50-site.conf')
  };
  mkdirSync(join(root, 'etc/docker'), {recursive: true});
  mkdirSync(join(root, 'etc/containers/registries.conf.d'), {recursive: true});
  writeFileSync(files.dockerConfig, '{\n    "auths": {"ghcr.io": {"auth": "eDp5"}}}');
  writeFileSync(files.daemon, '{"registry-mirrors": ["https://mirror.example"]}');
  writeFileSync(files.otherDropIn, 'unqualified-search-registries = ["docker.io"]\n');
  const before = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, existsSync(f) ? readFileSync(f, 'utf8') : null])
  );

  const common = {
    inputs: {
      'registry-image': REGISTRY_IMAGE,
      configure: 'docker, podman',
      // No docker.io: dockerd's mirror and SIGHUP are real-dockerd.test.ts's business.
      namespaces: 'quay.io, ghcr.io',
      'intermediate-registry': intermediate.host,
      'github-token': 'ghs_test'
    },
    eventName: 'pull_request',
    event: {
      number: 5,
      pull_request: {number: 5, body: 'Depends-On: acme/lib#12', head: {sha: 'c0ffee'}}
    },
    env: {
      IMAGEGATE_BUILDSET_CONFIG_ROOT: root,
      GITHUB_API_URL: github.url,
      IMAGEGATE_JOB_STATUS: 'success',
      GITHUB_ENV: githubEnv
    }
  };
  const main = await runBundle('buildset-registry', common);
  expect(main.errors).toEqual([]);
  expect(main.code).toBe(0);
  const {url, username, password} = main.outputs;
  expect(url).toMatch(/^127\.0\.0\.1:\d+$/);
  expect(username).toBe('imagegate');
  expect(password).toMatch(/^[0-9a-f]{64}$/);
  expect(main.stdout).toContain(`::add-mask::${password}`);
  expect(main.stdout).toMatch(/Buildset registry .* answered after \d+ ms/);
  expect(main.stdout).toContain('acme/tools#4');
  const exported = parseCommandFile(readFileSync(githubEnv, 'utf8'));
  expect(exported).toEqual({
    IMAGEGATE_BUILDSET_REGISTRY: url,
    IMAGEGATE_BUILDSET_REGISTRY_USERNAME: 'imagegate',
    IMAGEGATE_BUILDSET_REGISTRY_PASSWORD: password,
    IMAGEGATE_BUILDSET_REGISTRY_CERT_DIR: join(main.outputs['ca-cert'], '..')
  });
  const bsr = asTestRegistry({
    url,
    username,
    password,
    certDir: join(main.outputs['ca-cert'], '..')
  });

  // Anonymous push is refused; with the credentials it works.
  // --dest-no-creds: the auth file main wrote would otherwise supply them.
  const anonymous = pushTestImage(
    {
      ...bsr,
      skopeoArgs: side => [`--${side}-cert-dir`, bsr.certDir as string, `--${side}-no-creds`]
    },
    'acme/app',
    'anon'
  );
  await expect(anonymous).rejects.toThrow(SkopeoError);
  await expect(anonymous).rejects.toThrow(/unauthorized|authentication required|401/i);
  const built = await pushTestImage(bsr, 'acme/app', 'pr', {seed: 'app'});

  // Changes ahead landed under their final names (docker.io un-namespaced).
  expect(await rawManifestDigest(bsr, 'quay.io/acme/lib', 'latest')).toBe(libDigest);
  expect(await rawManifestDigest(bsr, 'acme/tool', '1.0')).toBe(toolDigest);
  expect(main.summary).toContain('quay.io/acme/lib:latest');
  expect(main.summary).toContain('acme/tools#3');

  // Runtimes point at it.
  expect(JSON.parse(readFileSync(files.dockerConfig, 'utf8')).auths[url]).toBeDefined();
  expect(JSON.parse(readFileSync(files.authFile, 'utf8')).auths[url]).toBeDefined();
  expect(readFileSync(join(root, 'etc/containers/certs.d', url, 'ca.crt'), 'utf8')).toContain(
    'BEGIN CERTIFICATE'
  );

  const post = await runBundle('buildset-registry-post', {...common, state: main.state});
  expect(post.errors).toEqual([]);
  expect(post.code).toBe(0);

  // Only this job's image was published, and the index says so.
  const engine = new Registry();
  try {
    const index = await readChangeIndex(
      engine,
      {registry: intermediate.host, path: ''},
      {
        owner: 'acme',
        repo: 'app',
        change: 5
      }
    );
    expect(index?.images).toEqual([
      {
        repository: 'docker.io/acme/app',
        tag: 'pr',
        staged: `${intermediate.host}/docker.io/acme/app:1001-1_pr`,
        // The workspace is no git checkout: no revision or tree to record (see
        // build-publish-promote.test.ts for one that is).
        digest: built.digest
      }
    ]);
  } finally {
    engine.close();
  }
  expect(await rawManifestDigest(intermediate, 'docker.io/acme/app', '1001-1_pr')).toBe(
    built.digest
  );

  // Nothing left behind.
  expect(await existingContainers(containersOf(main.state))).toEqual([]);
  const after = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, existsSync(f) ? readFileSync(f, 'utf8') : null])
  );
  expect(after).toEqual(before);
  expect(existsSync(join(root, 'etc/docker/certs.d'))).toBe(false);
  expect(existsSync(join(root, 'etc/containers/certs.d'))).toBe(false);
  expect(
    existsSync(join(root, 'etc/containers/registries.conf.d/zz-imagegate-buildset.conf'))
  ).toBe(false);

  for (const run of [main, post]) {
    expect(withoutMasks(run.stdout + run.stderr)).not.toContain(password);
  }
}, 120_000);

test('post cleans up after a main that failed half-way (require-dependencies)', async () => {
  const authBefore = '{"auths": {}}\n';
  writeFileSync(process.env.REGISTRY_AUTH_FILE as string, authBefore);
  const run = {
    inputs: {
      'registry-image': REGISTRY_IMAGE,
      configure: 'podman',
      namespaces: 'quay.io',
      'intermediate-registry': intermediate.host,
      'require-dependencies': 'true'
    },
    eventName: 'pull_request',
    event: {pull_request: {number: 6, body: 'Depends-On: acme/tools#4'}},
    env: {
      IMAGEGATE_BUILDSET_CONFIG_ROOT: makeRunTempDir('buildset-root'),
      GITHUB_API_URL: github.url,
      IMAGEGATE_JOB_STATUS: 'success'
    }
  };
  const main = await runBundle('buildset-registry', run);
  expect(main.errors).toEqual([
    expect.stringMatching(/require-dependencies: Depends-On acme\/tools#4 .* has no change index/)
  ]);
  expect(containersOf(main.state)).toHaveLength(1);
  const post = await runBundle('buildset-registry-post', {...run, state: main.state});
  expect(post.errors).toEqual([]);
  expect(post.stdout).not.toContain('Publishing');
  expect(await existingContainers(containersOf(main.state))).toEqual([]);
  expect(readFileSync(process.env.REGISTRY_AUTH_FILE as string, 'utf8')).toBe(authBefore);
}, 60_000);
