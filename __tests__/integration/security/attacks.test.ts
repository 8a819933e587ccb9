/**
 * The attacks of the security review, each run as an attacker would against real registries
 * (and a hostile registry where the attack needs one): every one is refused with an error that
 * names the field, and no registry is written.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {hostAddresses} from '../../../shared/buildset/start/addresses.js';
import {publishBuiltImages} from '../../../shared/buildset/publish/publish.js';
import {
  CredentialStore,
  checkWriteCredentials,
  parseRegistryCredentials
} from '../../../shared/model/credentials.js';
import {Registry} from '../../../shared/registry/index.js';
import {type ActionRun, runBundle, withoutMasks} from '../../support/action-runner.js';
import {startGitHubApi} from '../../support/github-api.js';
import {
  type HostileRegistry,
  emptyIndex,
  startHostileRegistry
} from '../../support/hostile-registry.js';
import {pushTestImage} from '../../support/images.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, requestsSince, writesSince} from '../../support/registry-log.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {listTags} from '../../support/skopeo.js';
import {BUSYBOX, ensurePodmanBusybox, makeWorkspace} from '../build/fixture.js';
import {publishedHostIps, testDeps, withLaunchedRegistry} from '../buildset/support.js';

const SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const PR_EVENT = {number: 42, pull_request: {number: 42, head: {sha: SHA}}};

let plain: TestRegistry;
let tls: TestRegistry;
let hostile: HostileRegistry;

beforeAll(async () => {
  [plain, tls, hostile] = await Promise.all([
    startRegistry('plain'),
    startRegistry('tls'),
    startHostileRegistry()
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop(), hostile?.stop()]);
});
beforeEach(() => hostile.reset());

const restricted = (reg: TestRegistry, prefix: string, key = reg.host) =>
  `${key}: {username: ${reg.username ?? 'ci'}, password: "${reg.password ?? 'pw'}", repository: "^${reg.host}/${prefix}/"}`;

/** The log as a reader of the job sees it, minus the add-mask lines that carry the secrets. */
const shown = (run: ActionRun) => withoutMasks(run.stdout + run.stderr);

describe('1. a credential restriction applies to the repository actually written', () => {
  test('mirror: a dest_registry naming another host does not lift the destination regex', async () => {
    await pushTestImage(plain, 'src/app', 'v1', {seed: 'cred-mirror'});
    const mark = logMark(tls);
    const run = await runBundle('mirror', {
      inputs: {
        mirrors: `- {src_repository: ${plain.host}/src/app, src_tag: v1, dest_repository: ${tls.host}/forbidden/copy, dest_registry: nothing.example}`,
        'registry-credentials': restricted(tls, 'allowed')
      },
      env: {IMAGEGATE_REGISTRY_CA_FILES: tls.caFile as string}
    });
    expect(run.errors.join('\n')).toContain(
      `mirrors[0].dest_repository: "${tls.host}/forbidden/copy" is not allowed`
    );
    expect(run.code).toBe(1);
    expect(writesSince(tls, mark)).toEqual([]);
  });

  test('promote: a registry key naming another host does not lift the regex', async () => {
    await pushTestImage(tls, 'forbidden/app', 'change_42_latest', {
      labels: {'org.opencontainers.image.revision': SHA},
      seed: 'cred-promote'
    });
    const mark = logMark(tls);
    const run = await runBundle('promote', {
      inputs: {
        'container-images': `- {repository: ${tls.host}/forbidden/app, registry: nothing.example}`,
        'registry-credentials': restricted(tls, 'allowed'),
        change: '42'
      },
      env: {IMAGEGATE_REGISTRY_CA_FILES: tls.caFile as string}
    });
    expect(run.errors.join('\n')).toContain(
      `container-images[0].repository: "${tls.host}/forbidden/app" is not allowed`
    );
    expect(run.code).toBe(1);
    expect(writesSince(tls, mark)).toEqual([]);
  });

  test('upload, intermediate mode: the staging location is checked before anything is built', async () => {
    const ws = makeWorkspace('sec-intermediate');
    const mark = logMark(plain);
    const run = await runBundle('upload', {
      inputs: {
        'container-images': `- {context: multi, container_filename: Containerfile.multi, repository: ${plain.host}/final/app}`,
        'promote-method': 'intermediate-registry',
        'intermediate-registry': `${plain.host}/elsewhere`,
        'registry-credentials': restricted(plain, 'staging')
      },
      eventName: 'pull_request',
      event: PR_EVENT,
      cwd: ws.dir,
      env: {IMAGEGATE_DOCKER_BUILDER: 'classic'}
    });
    expect(run.errors.join('\n')).toContain(
      `intermediate-registry: "${plain.host}/elsewhere/127.0.0.1_${plain.host.split(':')[1]}/final/app" is not allowed`
    );
    expect(run.code).toBe(1);
    expect(shown(run)).not.toContain('Container engine:');
    expect(writesSince(plain, mark)).toEqual([]);
  }, 120_000);

  test('upload: a registry key that names credentials (not a host) logs in and pushes with them; its regex holds', async () => {
    const ws = makeWorkspace('sec-named');
    const credentials = `pushbot: {username: ${tls.username}, password: "${tls.password}", repository: "^${tls.host}/ok/"}`;
    const upload = (repository: string) =>
      runBundle('upload', {
        inputs: {
          'container-images': `- {context: multi, container_filename: Containerfile.multi, repository: ${repository}, registry: pushbot}`,
          'registry-credentials': credentials,
          promote: 'false'
        },
        eventName: 'push',
        cwd: ws.dir,
        env: {IMAGEGATE_DOCKER_BUILDER: 'classic'}
      });
    const good = await upload(`${tls.host}/ok/app`);
    expect(good.errors).toEqual([]);
    expect(good.code).toBe(0);
    expect(shown(good)).not.toContain(tls.password);
    expect(await listTags(tls, 'ok/app')).toEqual(['latest']);

    const mark = logMark(tls);
    const bad = await upload(`${tls.host}/not-ok/app`);
    expect(bad.errors.join('\n')).toContain(
      `container-images[0].repository: "${tls.host}/not-ok/app" is not allowed by the registry-credentials entry "pushbot"`
    );
    expect(bad.code).toBe(1);
    expect(writesSince(tls, mark)).toEqual([]);
  }, 120_000);
});

test('buildset post: the intermediate credential restriction holds for what it publishes', async () => {
  const storage = makeRunTempDir('sec-publish');
  const tagDir = join(
    storage,
    'docker/registry/v2/repositories/acme/app/_manifests/tags/pr/current'
  );
  mkdirSync(tagDir, {recursive: true});
  writeFileSync(join(tagDir, 'link'), `sha256:${'1'.repeat(64)}`);
  const snapshot = join(storage, 'snapshot.json');
  writeFileSync(snapshot, '{}');
  const store = new CredentialStore(
    parseRegistryCredentials(restricted(plain, 'staging'), () => undefined)
  );
  const engine = new Registry();
  const mark = logMark(plain);
  try {
    await expect(
      publishBuiltImages(
        {
          registry: engine,
          log: {info: () => undefined, warning: () => undefined, group: (_t, fn) => fn()},
          readIndex: async () => undefined,
          writeIndex: async () => 'sha256:x',
          now: () => new Date(),
          checkWrites: targets => void checkWriteCredentials(targets, store, false)
        },
        {
          storageDir: storage,
          snapshotFile: snapshot,
          buildset: '127.0.0.1:1',
          namespaces: ['docker.io'],
          intermediate: {registry: plain.host, path: 'elsewhere'},
          change: {owner: 'acme', repo: 'app', change: 42},
          runId: '1',
          runAttempt: '1',
          source: {}
        }
      )
    ).rejects.toThrow(
      `intermediate-registry: "${plain.host}/elsewhere/docker.io/acme/app" is not allowed`
    );
  } finally {
    engine.close();
  }
  expect(writesSince(plain, mark)).toEqual([]);
});

describe('2. names a registry invents never steer a request or the log', () => {
  test('mirror with a tag regex: traversal and command tags are skipped with one escaped warning', async () => {
    hostile.tags({
      name: 'src/app',
      tags: ['v1', '1/../../../../victim/app/manifests/latest', 'v2\n::warning::pwned', '../x']
    });
    // The hostile registry answers every manifest path, whatever name it was asked under.
    const index = emptyIndex('hostile tags');
    hostile.route(r =>
      /\/manifests\//.test(r.path)
        ? {headers: {'content-type': 'application/vnd.oci.image.index.v1+json'}, body: index}
        : undefined
    );
    const mark = logMark(plain);
    const run = await runBundle('mirror', {
      inputs: {
        mirrors: `- {src_repository: ${hostile.host}/src/app, tags: "/^/", dest_repository: ${plain.host}/mirror/app}`
      }
    });
    const requests = requestsSince(plain, mark);
    expect(requests.filter(r => !r.includes(' /v2/mirror/app/') && !/ \/v2\/ /.test(r))).toEqual(
      []
    );
    expect(writesSince(plain, mark)).toEqual(['PUT /v2/mirror/app/manifests/v1 201']);
    expect(run.stdout).not.toMatch(/^\s*::warning::pwned/m);
    const warnings = run.stdout.split('\n').filter(l => l.startsWith('::warning::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('3 names that are not a valid tag');
    expect(warnings[0]).toContain('v2\\n::warning::pwned');
    expect(run.code).toBe(0);
    expect(hostile.writes()).toEqual([]);
  });
});

describe('3. no input value reaches the engine as an option', () => {
  test('path: --volume=/:/host (a directory of that name) is refused before podman runs', async () => {
    ensurePodmanBusybox();
    const ws = makeRunTempDir('sec-option');
    mkdirSync(join(ws, 'app', '--volume=', ':', 'host'), {recursive: true});
    writeFileSync(
      join(ws, 'app', 'Containerfile'),
      `FROM ${BUSYBOX}\nRUN cat /host/etc/hostname > /leaked.txt\n`
    );
    const run = await runBundle('build', {
      inputs: {
        'container-images': `- {context: app, path: "--volume=/:/host", container_filename: Containerfile, repository: localhost/sec/leak}`,
        'container-command': 'podman'
      },
      eventName: 'push',
      cwd: ws
    });
    expect(run.errors.join('\n')).toContain(
      'container-images[0].path: "--volume=/:/host" starts with "-", which the container engine would read as an option'
    );
    expect(run.code).toBe(1);
    expect(() =>
      execFileSync('podman', ['image', 'exists', 'localhost/sec/leak:latest'])
    ).toThrow();
  }, 120_000);
});

describe('4. a secret input is never echoed', () => {
  test.each([
    ['a bare string', 'S3cr3t-Val-4711'],
    ['a list', '[S3cr3t-Val-4711]'],
    ['broken YAML', 'ghcr.io: {password: "S3cr3t-Val-4711}'],
    ['a string entry', 'ghcr.io: S3cr3t-Val-4711'],
    // A number is read as the text written (a PIN-like password is a password): a list is not.
    ['a list as password', 'ghcr.io: {username: u, password: [4711]}']
  ])('registry-credentials as %s', async (_what, credentials) => {
    const run = await runBundle('mirror', {
      inputs: {
        mirrors: `- {src_repository: ${plain.host}/a/b, src_tag: v1, dest_repository: ${plain.host}/c/d}`,
        'registry-credentials': credentials
      }
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(/^registry-credentials/);
    expect(shown(run)).not.toContain('S3cr3t-Val');
    expect(shown(run)).not.toContain('4711');
  });
});

describe('5. user regexes run in linear time', () => {
  const evil = `${'a'.repeat(40)}_`;

  test('cleanup-pattern ^(a+)+$ against a 41-character tag', async () => {
    await pushTestImage(plain, 'redos/app', 'change_42_latest', {
      labels: {'org.opencontainers.image.revision': SHA},
      seed: 'redos'
    });
    await pushTestImage(plain, 'redos/app', evil, {seed: 'redos-evil'});
    const run = await runBundle('promote', {
      inputs: {
        'container-images': `- {repository: ${plain.host}/redos/app}`,
        change: '42',
        'cleanup-pattern': '^(a+)+$'
      },
      timeoutMs: 15_000
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect((await listTags(plain, 'redos/app')).sort()).toEqual([evil, 'latest'].sort());
  }, 30_000);

  test('a mirror tag regex against a hostile tag list', async () => {
    hostile.tags({name: 'src/app', tags: [evil, 'v1']});
    const mark = logMark(plain);
    const run = await runBundle('mirror', {
      inputs: {
        mirrors: `- {src_repository: ${hostile.host}/src/app, tags: "/^(a+)+$/", dest_repository: ${plain.host}/redos/copy}`
      },
      timeoutMs: 15_000
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mirrors[0]: no source tag matches; nothing to mirror');
    expect(writesSince(plain, mark)).toEqual([]);
  }, 30_000);

  test('a credential repository regex (x+x+)+y against the repository written', async () => {
    const mark = logMark(plain);
    const run = await runBundle('mirror', {
      inputs: {
        mirrors: `- {src_repository: ${plain.host}/src/app, src_tag: v1, dest_repository: ${plain.host}/${'a'.repeat(60)}}`,
        'registry-credentials': `${plain.host}: {username: u, password: p, repository: "(a+a+)+b"}`
      },
      timeoutMs: 15_000
    });
    expect(run.errors.join('\n')).toContain('mirrors[0].dest_repository');
    expect(run.errors.join('\n')).toContain('is not allowed');
    expect(run.code).toBe(1);
    expect(writesSince(plain, mark)).toEqual([]);
  }, 30_000);
});

describe('6. nothing is exposed wider than its clients need', () => {
  test('the buildset registry publishes its port on loopback and the container bridges only', async () => {
    const root = makeRunTempDir('sec-bind');
    // Every address main was told of is allowed: a podman bridge may come and go meanwhile.
    const seen = new Set(['127.0.0.1']);
    const addresses = () => {
      const now = hostAddresses();
      for (const address of now) seen.add(address);
      return now;
    };
    const deps = {...testDeps(root, new Map()), addresses};
    await withLaunchedRegistry(deps, root, true, names => {
      for (const name of names) {
        const ips = publishedHostIps(name);
        expect(ips.length).toBeGreaterThan(0);
        for (const ip of ips) expect([...seen]).toContain(ip);
      }
    });
  }, 60_000);

  test('GHCR: a package-versions Link to another origin is not followed with the token', async () => {
    const elsewhere = await startGitHubApi({});
    const api = await startGitHubApi({
      'GET /orgs/acme/packages/container/app/versions': () => ({
        status: 200,
        body: [{id: 1, name: 'sha256:x', metadata: {container: {tags: ['change_1_latest']}}}],
        headers: {link: `<${elsewhere.url}/steal?page=2>; rel="next"`}
      })
    });
    const engine = new Registry({
      tagApis: {[plain.host]: 'ghcr'},
      githubApiUrl: api.url,
      githubToken: 'ghp_secret_token'
    });
    try {
      await expect(
        engine.deleteTag({registry: plain.host, repository: 'acme/app', tag: 'change_1_latest'})
      ).rejects.toThrow(
        /leaves http:\/\/127\.0\.0\.1:[0-9]+; pagination is only followed on the same origin/
      );
      expect(elsewhere.requests).toEqual([]);
    } finally {
      engine.close();
      await Promise.all([api.stop(), elsewhere.stop()]);
    }
  });

  test('Docker Hub: a tag list `next` on another origin is not followed with the JWT', async () => {
    const elsewhere = await startGitHubApi({});
    const api = await startGitHubApi({
      'POST /v2/users/login': {token: 'hub-jwt'},
      'GET /v2/repositories/org/app/tags/': {
        results: [{name: 'v1', last_updated: '2026-01-01T00:00:00Z'}],
        next: `${elsewhere.url}/steal`
      }
    });
    const engine = new Registry({
      tagApis: {[plain.host]: 'docker-hub'},
      dockerHubApiUrl: api.url,
      credentials: () => ({username: 'bot', password: 'pat'})
    });
    try {
      await expect(
        engine.listTagInfo({registry: plain.host, repository: 'org/app'})
      ).rejects.toThrow(/pagination is only followed on the same origin/);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      engine.close();
      await Promise.all([api.stop(), elsewhere.stop()]);
    }
  });
});
