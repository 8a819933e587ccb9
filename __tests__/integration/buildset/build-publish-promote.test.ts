/**
 * One change through the build side as a merge-queue job runs it: the buildset-registry bundle,
 * the build bundle pushing into it, the gate workflow's job-status step, the post step
 * publishing to the intermediate registry, then the promote bundle publishing from the change
 * index. The final registry has a port
 * (`127.0.0.1:<port>`), which must survive the buildset registry's namespacing; the change
 * index must record the revision and tree the image labels carry (git HEAD, not the event's SHA),
 * and the merge_group image must carry its change URL.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {readChangeIndex} from '../../../shared/change-index/store.js';
import {Registry} from '../../../shared/registry/index.js';
import {parseCommandFile, runBundle} from '../../support/action-runner.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {jobStatusStep, runStep} from '../../support/workflow-step.js';
import {rawManifestDigest} from '../../support/skopeo.js';
import {makeWorkspace} from '../build/fixture.js';
import {REGISTRY_IMAGE, containersOf, existingContainers} from './support.js';

/** The queue's head SHA: what the old code recorded instead of what was built. */
const QUEUE_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';

let finalReg: TestRegistry;
let intermediate: TestRegistry;
let github: GitHubApiFixture;

beforeAll(async () => {
  [finalReg, intermediate] = await Promise.all([startRegistry('plain'), startRegistry('plain')]);
  github = await startGitHubApi({'GET /repos/acme/app/pulls/7': {number: 7, body: ''}});
});
afterAll(async () => {
  await Promise.all([finalReg?.stop(), intermediate?.stop(), github?.stop()]);
});

test('an image for a registry with a port goes check → post → promote under its real name', async () => {
  const ws = makeWorkspace('bsr-port');
  github.routes[`GET /repos/acme/app/git/commits/${ws.revision}`] = {tree: {sha: ws.tree}};
  const repository = `${finalReg.host}/vb/portimg`;
  const githubEnv = join(makeRunTempDir('bsr-port-env'), 'env');
  writeFileSync(githubEnv, '');
  const job = {
    cwd: ws.dir,
    eventName: 'merge_group',
    event: {
      merge_group: {
        head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${QUEUE_SHA}`,
        head_sha: QUEUE_SHA
      }
    },
    env: {
      GITHUB_ENV: githubEnv,
      GITHUB_API_URL: github.url,
      GITHUB_SHA: QUEUE_SHA
    }
  };

  const main = await runBundle('buildset-registry', {
    ...job,
    inputs: {
      'registry-image': REGISTRY_IMAGE,
      configure: 'none',
      'intermediate-registry': intermediate.host,
      'github-token': 'ghs_test'
    }
  });
  expect(main.errors).toEqual([]);
  try {
    const exported = parseCommandFile(readFileSync(githubEnv, 'utf8'));
    const build = await runBundle('build', {
      ...job,
      env: {...job.env, ...exported},
      inputs: {'container-images': `- {context: base, repository: ${repository}}`}
    });
    expect(build.errors).toEqual([]);
    expect(build.code).toBe(0);
    const labels = JSON.parse(
      execFileSync(
        'docker',
        ['image', 'inspect', '--format', '{{json .Config.Labels}}', `${repository}:latest`],
        {
          encoding: 'utf8'
        }
      )
    ) as Record<string, string>;
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': ws.revision,
      'dev.imagegate.source-tree': ws.tree,
      'dev.imagegate.change': '7',
      'dev.imagegate.change-url': 'https://github.com/acme/app/pull/7'
    });
  } finally {
    // The gate workflow's last step tells the post step how the job went.
    const status = runStep(jobStatusStep('gate.yml', 'gate'), {'job.status': 'success'});
    const post = await runBundle('buildset-registry-post', {
      ...job,
      env: {...job.env, ...status},
      inputs: {'intermediate-registry': intermediate.host},
      state: main.state
    });
    expect(post.errors).toEqual([]);
    expect(await existingContainers(containersOf(main.state))).toEqual([]);
  }

  const reader = new Registry();
  let digest: string;
  try {
    const index = await readChangeIndex(
      reader,
      {registry: intermediate.host, path: ''},
      {owner: 'acme', repo: 'app', change: 7}
    );
    expect(index).toMatchObject({revision: ws.revision, sourceTree: ws.tree});
    expect(index?.images).toEqual([
      {
        repository,
        tag: 'latest',
        staged: `${intermediate.host}/${finalReg.host.replace(':', '_')}/vb/portimg:1001-1_latest`,
        digest: expect.stringMatching(/^sha256:/),
        revision: ws.revision,
        sourceTree: ws.tree
      }
    ]);
    digest = index!.images[0].digest;
  } finally {
    reader.close();
  }

  const promote = await runBundle('promote', {
    cwd: ws.dir,
    eventName: 'push',
    env: {GITHUB_API_URL: github.url, GITHUB_SHA: ws.revision},
    inputs: {
      'container-images': `- {repository: ${repository}}`,
      'promote-method': 'intermediate-registry',
      'intermediate-registry': intermediate.host,
      change: '7'
    }
  });
  expect(promote.errors).toEqual([]);
  expect(promote.code).toBe(0);
  expect(await rawManifestDigest(finalReg, 'vb/portimg', 'latest')).toBe(digest);
}, 180_000);
