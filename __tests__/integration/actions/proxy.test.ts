/**
 * Self-hosted runners behind a proxy: registry and GitHub API traffic goes through HTTPS_PROXY /
 * HTTP_PROXY and around it for NO_PROXY, as the runner and @actions/http-client do. The proxy is
 * a real one (tinyproxy); the registry and the GitHub API fixture listen on this machine's own
 * non-loopback address, because loopback traffic never takes a proxy.
 */
import {runBundle} from '../../support/action-runner.js';
import {startForwardProxy, type ForwardProxy} from '../../support/forward-proxy.js';
import {type GitHubApiFixture, startGitHubApi} from '../../support/github-api.js';
import {pushTestImage} from '../../support/images.js';
import {hostAddresses} from '../../support/pki.js';
import {type TestRegistry, startRegistry} from '../../support/registry.js';
import {rawManifestDigest} from '../../support/skopeo.js';
import {mergedChangeRoutes, MERGED_SHA} from '../../support/merged-change.js';

const ADDRESS = hostAddresses()[0];

let reg: TestRegistry;
let github: GitHubApiFixture;
let proxy: ForwardProxy;

beforeAll(async () => {
  if (!ADDRESS) throw new Error('this machine has no non-loopback IPv4 address to test a proxy');
  [reg, github, proxy] = await Promise.all([
    startRegistry('tls', {address: ADDRESS}),
    startGitHubApi(mergedChangeRoutes(), ADDRESS),
    startForwardProxy()
  ]);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), github?.stop(), proxy?.stop()]);
});

function promote(
  repository: string,
  env: Record<string, string>,
  inputs: Record<string, string> = {}
) {
  return runBundle('promote', {
    inputs: {
      'container-images': `- {repository: ${reg.host}/${repository}}`,
      'registry-credentials': `"${reg.host}": {username: ${reg.username}, password: ${reg.password}}`,
      'github-token': 'gh-token',
      cleanup: 'false',
      ...inputs
    },
    eventName: 'push',
    event: {ref: 'refs/heads/main', head_commit: {id: MERGED_SHA, message: 'Change (#42)'}},
    env: {GITHUB_API_URL: github.url, IMAGEGATE_REGISTRY_CA_FILES: reg.caFile!, ...env}
  });
}

async function staged(repository: string): Promise<string> {
  const labels = {'org.opencontainers.image.revision': MERGED_SHA};
  return (await pushTestImage(reg, repository, 'change_42_latest', {labels, seed: repository}))
    .digest;
}

test('registry traffic tunnels through HTTPS_PROXY, GitHub API traffic goes through HTTP_PROXY', async () => {
  const digest = await staged('proxied/app');
  const before = proxy.requests().length;
  const run = await promote('proxied/app', {HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url});
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(await rawManifestDigest(reg, 'proxied/app', 'latest')).toBe(digest);
  const seen = proxy.requests().slice(before);
  expect(seen).toContain(`CONNECT ${reg.host}`);
  const apiHost = new URL(github.url).host;
  expect(seen.some(r => r.includes(apiHost))).toBe(true);
});

test('lower-case https_proxy wins, as the runner reads it', async () => {
  await staged('lower/app');
  const run = await promote('lower/app', {
    https_proxy: proxy.url,
    HTTPS_PROXY: 'http://127.0.0.1:9',
    http_proxy: proxy.url
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
});

test('NO_PROXY: nothing goes through the proxy', async () => {
  const digest = await staged('direct/app');
  const before = proxy.requests().length;
  const run = await promote('direct/app', {
    HTTPS_PROXY: proxy.url,
    HTTP_PROXY: proxy.url,
    NO_PROXY: `localhost,${ADDRESS}`
  });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(await rawManifestDigest(reg, 'direct/app', 'latest')).toBe(digest);
  expect(proxy.requests().slice(before)).toEqual([]);
});

test('a proxy that does not answer fails the step: the registry is reached only through it', async () => {
  await staged('nowhere/app');
  // The change is given and nothing is verified, so only registry traffic is left.
  const run = await promote(
    'nowhere/app',
    {HTTPS_PROXY: 'http://127.0.0.1:9'},
    {change: '42', 'verify-source': 'false'}
  );
  expect(run.code).toBe(1);
  expect(run.errors.join('\n')).toMatch(/ECONNREFUSED/);
});
