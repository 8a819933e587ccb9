/**
 * Argv composition per build path, as data. buildx cannot run on our machines, so these tables
 * are its only coverage; the other paths also run for real in __tests__/integration/build.
 */
import {buildCommand, type BuildSpec} from '../../../shared/engine/build-argv.js';
import {type EngineProfile} from '../../../shared/engine/profile.js';
import {
  loginCommand,
  manifestCreateCommand,
  manifestPushCommand,
  parsePushDigest,
  pushCommand
} from '../../../shared/engine/registry-argv.js';

const profile = (
  kind: EngineProfile['kind'],
  binary = kind === 'podman' ? 'podman' : 'docker'
): EngineProfile => ({kind, binary, reason: 'test'});

const SPEC: BuildSpec = {
  cwd: '/ws/app',
  contextPath: '.',
  file: 'Dockerfile.prod',
  buildArgs: ['A=1', 'IMAGEGATE_SIBLINGS=lib other'],
  target: 'runtime',
  labels: {team: 'gate', 'org.opencontainers.image.revision': 'abc'},
  tags: ['quay.io/org/app:latest', 'quay.io/org/app:change_42_latest'],
  platforms: [],
  iidFile: '/tmp/iid',
  env: {EXTRA: 'x'}
};
const COMMON = [
  '-f',
  'Dockerfile.prod',
  '--target',
  'runtime',
  '--build-arg',
  'A=1',
  '--build-arg',
  'IMAGEGATE_SIBLINGS=lib other',
  '--label',
  'team=gate',
  '--label',
  'org.opencontainers.image.revision=abc',
  '--iidfile',
  '/tmp/iid'
];
const TAGS = ['--tag', 'quay.io/org/app:latest', '--tag', 'quay.io/org/app:change_42_latest'];
const TWO = ['linux/amd64', 'linux/arm64'];

// prettier-ignore
test.each<[string, EngineProfile, Partial<BuildSpec>, string[], Record<string, string>]>([
  ['buildx, one platform: --load', profile('buildx'), {}, ['buildx', 'build', '.', ...COMMON, ...TAGS, '--progress=plain', '--load'], {EXTRA: 'x'}],
  ['buildx, two platforms with push targets: --push to the targets only', profile('buildx'), {platforms: TWO, pushTags: ['reg/app:change_42_latest'], metadataFile: '/tmp/m.json'},
    ['buildx', 'build', '.', ...COMMON, '--tag', 'reg/app:change_42_latest', '--platform', 'linux/amd64,linux/arm64', '--metadata-file', '/tmp/m.json', '--progress=plain', '--push'], {EXTRA: 'x'}],
  ['buildx, two platforms, nothing to push: kept in the builder', profile('buildx'), {platforms: TWO},
    ['buildx', 'build', '.', ...COMMON, ...TAGS, '--platform', 'linux/amd64,linux/arm64', '--progress=plain', '--output', 'type=image,push=false'], {EXTRA: 'x'}],
  ['BuildKit through an old client', profile('buildkit', '/usr/bin/docker'), {platforms: ['linux/arm64']},
    ['build', '.', ...COMMON, ...TAGS, '--platform', 'linux/arm64', '--progress=plain'], {EXTRA: 'x', DOCKER_BUILDKIT: '1'}],
  ['classic builder', profile('classic'), {}, ['build', '.', ...COMMON, ...TAGS], {EXTRA: 'x', DOCKER_BUILDKIT: '0'}],
  ['podman, one platform', profile('podman'), {contextPath: 'src'}, ['build', './src', ...COMMON, ...TAGS], {EXTRA: 'x'}],
  ['podman, two platforms: --manifest and --no-cache', profile('podman'), {platforms: TWO},
    ['build', '.', ...COMMON, '--manifest', 'quay.io/org/app:latest', '--no-cache', '--platform', 'linux/amd64,linux/arm64'], {EXTRA: 'x'}],
  ['podman, one named platform: --no-cache (its layer cache ignores --platform)', profile('podman'), {platforms: ['linux/arm64']},
    ['build', '.', ...COMMON, ...TAGS, '--no-cache', '--platform', 'linux/arm64'], {EXTRA: 'x'}],
  ['podman, squash: --squash', profile('podman'), {squash: true},
    ['build', '.', ...COMMON, '--squash', ...TAGS], {EXTRA: 'x'}]
])('%s', (_name, p, overrides, args, env) => {
  const command = buildCommand(p, {...SPEC, ...overrides});
  expect(command).toEqual({command: p.binary, args, cwd: '/ws/app', env});
});

test('no -f, target or args when not configured', () => {
  const command = buildCommand(profile('classic'), {
    cwd: '/c',
    contextPath: '.',
    buildArgs: [],
    labels: {},
    tags: ['r/a:1'],
    platforms: [],
    iidFile: '/i'
  });
  expect(command.args).toEqual(['build', '.', '--iidfile', '/i', '--tag', 'r/a:1']);
});

const SCOPE = {dockerConfig: '/tmp/cfg', authFile: '/tmp/auth.json'};

test('login: password on stdin only; docker uses the temporary DOCKER_CONFIG', () => {
  const docker = loginCommand(profile('buildkit'), SCOPE, 'quay.io', 'bot', 's3cret', {
    insecure: false
  });
  expect(docker).toEqual({
    command: 'docker',
    args: ['login', '--username', 'bot', '--password-stdin', 'quay.io'],
    env: {DOCKER_CONFIG: '/tmp/cfg'},
    input: 's3cret'
  });
  const podman = loginCommand(profile('podman'), SCOPE, '127.0.0.1:5000', 'bot', 's3cret', {
    insecure: true,
    certDir: '/certs'
  });
  expect(podman.args).toEqual([
    'login',
    '--authfile',
    '/tmp/auth.json',
    '--tls-verify=false',
    '--cert-dir',
    '/certs',
    '--username',
    'bot',
    '--password-stdin',
    '127.0.0.1:5000'
  ]);
  expect(JSON.stringify([docker.args, podman.args])).not.toContain('s3cret');
});

// prettier-ignore
test.each<[string, EngineProfile, boolean, string[]]>([
  ['docker push', profile('buildkit'), false, ['push', 'reg/app:1']],
  ['podman push', profile('podman'), false, ['push', '--authfile', '/tmp/auth.json', '--tls-verify=false', '--digestfile', '/d', 'local/app:1', 'docker://reg/app:1']],
  ['podman manifest push --all', profile('podman'), true, ['manifest', 'push', '--all', '--authfile', '/tmp/auth.json', '--tls-verify=false', '--digestfile', '/d', 'local/app:1', 'docker://reg/app:1']]
])('%s', (_name, p, manifestList, args) => {
  expect(pushCommand(p, SCOPE, 'local/app:1', 'reg/app:1', {insecure: true}, {digestFile: '/d', manifestList}).args).toEqual(args);
});

test('docker manifest list from per-platform digests', () => {
  const members = ['reg/app@sha256:aa', 'reg/app@sha256:bb'];
  expect(
    manifestCreateCommand(profile('buildkit'), SCOPE, 'reg/app:1', members, {insecure: true}).args
  ).toEqual(['manifest', 'create', '--insecure', 'reg/app:1', ...members]);
  expect(
    manifestPushCommand(profile('buildkit'), SCOPE, 'reg/app:1', {insecure: false}).args
  ).toEqual(['manifest', 'push', '--purge', 'reg/app:1']);
});

test('push digests as docker prints them', () => {
  const d = `sha256:${'a'.repeat(64)}`;
  expect(parsePushDigest(`abc: Pushed\nlatest: digest: ${d} size: 528\n`)).toBe(d);
  expect(parsePushDigest(`${d}\n`)).toBe(d);
  expect(parsePushDigest('nothing')).toBeUndefined();
});
