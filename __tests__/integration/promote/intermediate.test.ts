/**
 * promote-method intermediate-registry: the gate staged images (and the change index, written
 * through the core as upload will) in one registry; promote copies them into another.
 */
import {writeChangeIndex} from '../../../shared/change-index/store.js';
import {CHANGE_INDEX_VERSION} from '../../../shared/change-index/format.js';
import {stagedRepository} from '../../../shared/model/registry-location.js';
import {
  formatReference,
  parseReference,
  parseRepositoryName
} from '../../../shared/model/reference.js';
import {Registry} from '../../../shared/registry/index.js';
import {runBundle} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage, pushTestIndex} from '../../support/images.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {logMark, writesSince} from '../../support/registry-log.js';
import {listTags, rawManifestDigest} from '../../support/skopeo.js';
import {type ChangeIndex} from '../../../shared/change-index/format.js';
import {deleteChangeIndex} from '../../../shared/change-index/store.js';
import {writeStagingRecord} from '../../../shared/staging/store.js';
import {MERGED_SHA} from '../../support/merged-change.js';

const LABELS = {'org.opencontainers.image.revision': MERGED_SHA};

let finalReg: TestRegistry;
let staging: TestRegistry;
let github: GitHubApiFixture;

beforeAll(async () => {
  [finalReg, staging] = await Promise.all([
    startRegistry('plain'),
    startRegistry('token', {anonymousPull: true})
  ]);
  github = await startGitHubApi({
    [`GET /repos/acme/app/git/commits/${MERGED_SHA}`]: {tree: {sha: 'tree'}}
  });
});
afterAll(async () => {
  await Promise.all([finalReg?.stop(), staging?.stop(), github?.stop()]);
});

test('images and an index staged in one registry are promoted into another', async () => {
  const location = {registry: staging.host, path: 'staging'};
  const app = parseRepositoryName(`${finalReg.host}/org/app`);
  const multi = parseRepositoryName(`${finalReg.host}/org/multi`);
  const stagedApp = stagedRepository(location, app);
  const stagedMulti = stagedRepository(location, multi);
  const a = await pushTestImage(staging, stagedApp.repository, '1001-1_latest', {
    labels: LABELS,
    seed: 'app',
    layers: [4096, 1024]
  });
  const m = await pushTestIndex(staging, stagedMulti.repository, '1001-1_v2', {
    platforms: ['linux/amd64', 'linux/arm64'],
    labels: LABELS,
    seed: 'multi'
  });
  const entry = (
    name: typeof app,
    staged: typeof app,
    tag: string,
    stagedTag: string,
    digest: string
  ) => ({
    repository: formatReference(name),
    tag,
    staged: formatReference({...staged, tag: stagedTag}),
    digest,
    revision: MERGED_SHA
  });
  const writer = new Registry({
    credentials: () => ({
      username: staging.username as string,
      password: staging.password as string
    })
  });
  try {
    await writeChangeIndex(writer, location, {
      version: CHANGE_INDEX_VERSION,
      repository: 'acme/app',
      change: 42,
      revision: MERGED_SHA,
      createdAt: '2026-11-27T06:00:00Z',
      images: [
        entry(app, stagedApp, 'latest', '1001-1_latest', a.digest),
        entry(app, stagedApp, 'v1', '1001-1_latest', a.digest),
        entry(multi, stagedMulti, 'v2', '1001-1_v2', m.digest)
      ]
    });
  } finally {
    writer.close();
  }

  const promoteRun = () =>
    runBundle('promote', {
      inputs: {
        'container-images': `- {repository: ${finalReg.host}/org/app, tags: [latest, v1]}\n- {repository: ${finalReg.host}/org/multi, tags: [v2]}`,
        'promote-method': 'intermediate-registry',
        'intermediate-registry': `${staging.host}/staging`,
        change: '42'
      },
      eventName: 'push',
      env: {GITHUB_API_URL: github.url}
    });
  const run = await promoteRun();
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(await rawManifestDigest(finalReg, 'org/app', 'latest')).toBe(a.digest);
  expect(await rawManifestDigest(finalReg, 'org/app', 'v1')).toBe(a.digest);
  expect(await rawManifestDigest(finalReg, 'org/multi', 'v2')).toBe(m.digest);
  // The final registry never sees a temporary tag.
  expect((await listTags(finalReg, 'org/app')).sort()).toEqual(['latest', 'v1']);
  expect(await listTags(finalReg, 'org/multi')).toEqual(['v2']);
  // Anonymous pull from the intermediate registry went through its token service.
  expect(
    staging.tokenIssuer?.requests.some(
      r => r.user === undefined && r.scopes.some(s => s.includes(':pull'))
    )
  ).toBe(true);

  const mark = logMark(finalReg);
  const again = await promoteRun();
  expect(again.code).toBe(0);
  expect(writesSince(finalReg, mark)).toEqual([]);
});

test('a change without an index is a clear error', async () => {
  const run = await runBundle('promote', {
    inputs: {
      'container-images': `- {repository: ${finalReg.host}/org/none}`,
      'promote-method': 'intermediate-registry',
      'intermediate-registry': `${staging.host}/staging`,
      change: '999'
    },
    env: {GITHUB_API_URL: github.url}
  });
  expect(run.code).toBe(1);
  expect(run.errors[0]).toContain(`intermediate-registry: has no change index for acme/app#999`);
});

describe('staged images are cleaned', () => {
  const location = {registry: '', path: 'janitor'};
  const credentials = () =>
    JSON.stringify({[staging.host]: {username: staging.username, password: staging.password}});
  const writer = () =>
    new Registry({
      credentials: () => ({
        username: staging.username as string,
        password: staging.password as string
      })
    });

  /** Stage one image for `change` under `<run>-1_latest` and index it, created at `createdAt`. */
  async function stage(
    change: number,
    run: string,
    createdAt: string,
    repository = `org/c${change}`
  ): Promise<ChangeIndex> {
    const loc = {...location, registry: staging.host};
    const final = parseRepositoryName(`${finalReg.host}/${repository}`);
    const staged = stagedRepository(loc, final);
    const image = await pushTestImage(staging, staged.repository, `${run}-1_latest`, {
      labels: LABELS,
      seed: `janitor-${change}-${run}`
    });
    const index: ChangeIndex = {
      version: CHANGE_INDEX_VERSION,
      repository: 'acme/app',
      change,
      revision: MERGED_SHA,
      run: {id: run, attempt: '1'},
      createdAt,
      images: [
        {
          repository: formatReference(final),
          tag: 'latest',
          staged: formatReference({...staged, tag: `${run}-1_latest`}),
          digest: image.digest,
          revision: MERGED_SHA
        }
      ]
    };
    const registry = writer();
    try {
      await writeChangeIndex(registry, loc, index);
    } finally {
      registry.close();
    }
    return index;
  }

  const promoteRun = (change: number) =>
    runBundle('promote', {
      inputs: {
        'container-images': `- {repository: ${finalReg.host}/org/c${change}}`,
        'promote-method': 'intermediate-registry',
        'intermediate-registry': `${staging.host}/${location.path}`,
        'registry-credentials': credentials(),
        change: String(change)
      },
      eventName: 'push',
      env: {GITHUB_API_URL: github.url}
    });

  test('after promotion the staged tags and the change index are deleted; a rerun changes nothing', async () => {
    const index = await stage(50, '2001', new Date().toISOString());
    const stagedRepo = index.images[0].staged.replace(/^[^/]+\/(.*):.*$/, '$1');
    const run = await promoteRun(50);
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(await rawManifestDigest(finalReg, 'org/c50', 'latest')).toBe(index.images[0].digest);
    expect(await listTags(staging, stagedRepo)).toEqual([]);
    expect(await listTags(staging, `${location.path}/imagegate/changes`)).not.toContain(
      'acme.app.pr-50'
    );

    const mark = logMark(finalReg);
    const again = await promoteRun(50);
    expect(again.errors).toEqual([]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already promoted');
    expect(writesSince(finalReg, mark)).toEqual([]);
  });

  test('an abandoned change older than cleanup-age goes with its staged tags; a fresh one stays', async () => {
    const abandoned = await stage(51, '2002', '2020-01-01T00:00:00Z');
    const inflight = await stage(52, '2003', new Date().toISOString());
    const promoted = await stage(53, '2004', new Date().toISOString());
    const repoOf = (index: ChangeIndex) => index.images[0].staged.replace(/^[^/]+\/(.*):.*$/, '$1');
    // In the same staged repository: change 54's image, listed by its live index, and a tag no
    // index lists; upload staged both long ago, say their records.
    const listed = await stage(54, '2005', new Date().toISOString(), 'org/c53');
    const orphan = await stage(55, '2006', new Date().toISOString(), 'org/c53');
    const registry = writer();
    try {
      await deleteChangeIndex(
        registry,
        {...location, registry: staging.host},
        {owner: 'acme', repo: 'app', change: 55}
      );
      for (const index of [listed, orphan]) {
        const staged = parseReference(index.images[0].staged);
        await writeStagingRecord(registry, staged, {
          version: 1,
          stagedAt: '2020-01-01T00:00:00Z',
          tags: [{tag: staged.tag as string, digest: index.images[0].digest}]
        });
      }
    } finally {
      registry.close();
    }
    const run = await promoteRun(53);
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    // The listed tag stays (and the record that still dates it); the orphan and its record go.
    const left = await listTags(staging, repoOf(promoted));
    expect(left.filter(t => !t.startsWith('imagegate-staged-'))).toEqual(['2005-1_latest']);
    expect(left).toHaveLength(2);
    const indexes = await listTags(staging, `${location.path}/imagegate/changes`);
    expect(indexes).not.toContain('acme.app.pr-51');
    expect(indexes).toContain('acme.app.pr-52');
    expect(await listTags(staging, repoOf(abandoned))).toEqual([]);
    expect(await listTags(staging, repoOf(inflight))).toEqual(['2003-1_latest']);
  });
});
