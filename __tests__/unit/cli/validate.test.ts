/**
 * `imagegate validate` in-process (runCli with an injected terminal): real container_images
 * lists from public Zuul configurations, pasted as published (__tests__/fixtures/zuul-lists/),
 * are read as imagegate will use them; what cannot work on GitHub (Jinja templates, Zuul's
 * absolute /home/zuul/src paths) is named with what to write instead.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {runCli} from '../../../shared/cli/main.js';
import {makeRunTempDir} from '../../support/run-dir.js';

const LISTS = resolve(import.meta.dirname, '../../fixtures/zuul-lists');

async function validate(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['validate', ...args], {
    env: {PATH: process.env.PATH},
    cwd: makeRunTempDir('validate'),
    terminal: {out: t => out.push(t), err: t => err.push(t), tty: false},
    readStdin: () => stdin
  });
  return {code, stdout: out.join('\n'), stderr: err.join('\n')};
}

const errorsOf = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter(l => l.startsWith('error: '))
    .map(l => l.slice('error: '.length));

/** Lists that validate as pasted, and what they must contain once read. */
const VALID: Record<string, (images: Record<string, unknown>[]) => void> = {
  'nodepool-siblings.yaml': images =>
    expect(images[1]).toMatchObject({
      repository: 'docker.io/zuul/nodepool-builder',
      siblings: ['opendev.org/openstack/openstacksdk', 'opendev.org/openstack/diskimage-builder'],
      tags: ['siblings']
    }),
  'opendev-system-config-gitea.yaml': images =>
    expect(images.map(i => [i.repository, i.target, i.tags])).toEqual([
      ['docker.io/opendevorg/gitea', 'gitea', ['latest']],
      ['docker.io/opendevorg/gitea-openssh', 'gitea-openssh', ['latest']]
    ]),
  'otc-graphite-statsd.yaml': images =>
    expect(images[0]).toMatchObject({
      registry: 'quay.io',
      repository: 'docker.io/opentelekomcloud/graphite-statsd'
    }),
  'otc-system-config-zuul.yaml': images => {
    expect(images).toHaveLength(5);
    for (const image of images) expect(image.tags).toEqual(['latest', 'change_850008']);
  },
  'zuul-registry.yaml': images =>
    expect(images).toEqual([
      {
        field: 'container-images[0]',
        context: '.',
        path: '.',
        container_filename: null,
        registry: 'docker.io',
        repository: 'docker.io/zuul/zuul-registry',
        tags: ['latest'],
        build_args: [],
        target: 'zuul-registry',
        siblings: [],
        labels: {},
        arch: []
      }
    ])
};

/** Lists with fields that cannot work on GitHub: the fields each names. */
const REFUSED: Record<string, string[]> = {
  'atmosphere-nova.yaml': [
    'container-images[0].repository',
    'container-images[0].tags[0]',
    'container-images[0].build_args[0]',
    'container-images[0].build_args[1]'
  ],
  'nodepool-images.yaml': [0, 1, 2].map(i => `container-images[${i}].tags`),
  'opendev-system-config-gerrit.yaml': ['container-images[0].path'],
  'zuul-operator.yaml': ['container-images[0].tags'],
  'zuul-quay.yaml': [0, 1, 2, 3, 4, 5, 6].map(i => `container-images[${i}].tags`)
};

test('every stored Zuul list is covered', () => {
  expect(readdirSync(LISTS).sort()).toEqual(
    [...Object.keys(VALID), ...Object.keys(REFUSED)].sort()
  );
});

describe.each(Object.entries(VALID))('%s validates as pasted', (file, check) => {
  test('exit 0; --json prints the normalised list', async () => {
    const run = await validate(['--container-images', join(LISTS, file), '--json']);
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('\n{') + 1)) as {
      'container-images': Record<string, unknown>[];
    };
    check(json['container-images']);
  });
});

describe.each(Object.entries(REFUSED))('%s names what cannot work on GitHub', (file, fields) => {
  test('exit 1, one error per field, each saying what it is and what to write', async () => {
    const run = await validate(['--container-images', join(LISTS, file)]);
    expect(run.code).toBe(1);
    const errors = errorsOf(run.stderr);
    expect(errors.map(e => e.slice(0, e.indexOf(': ')))).toEqual(fields);
    for (const e of errors) {
      expect(e).toMatch(
        /is a Zuul \(Jinja\) template, which nothing expands on GitHub: write the value itself|is an absolute path; imagegate reads paths relative to .*then write "/
      );
    }
  });
});

test("the gerrit list keeps its unquoted 2.15 tag as written, and says where the absolute path's repository goes", async () => {
  const text = readFileSync(join(LISTS, 'opendev-system-config-gerrit.yaml'), 'utf8');
  const run = await validate(['--container-images', '-'], text);
  expect(errorsOf(run.stderr)).toEqual([
    'container-images[0].path: "/home/zuul/src/gerrit.googlesource.com/gerrit" is an absolute path; imagegate reads paths relative to the context (docker/gerrit): check that repository out below the workspace where Zuul had it below /home/zuul/src (actions/checkout with path: gerrit.googlesource.com/gerrit), then write "../../gerrit.googlesource.com/gerrit"'
  ]);
  const fixed = text.replace(
    '/home/zuul/src/gerrit.googlesource.com/gerrit',
    '../../gerrit.googlesource.com/gerrit'
  );
  const ok = await validate(['--container-images', '-', '--json'], fixed);
  expect(ok.code).toBe(0);
  const [image] = (
    JSON.parse(ok.stdout.slice(ok.stdout.lastIndexOf('\n{') + 1)) as {
      'container-images': Record<string, unknown>[];
    }
  )['container-images'];
  expect(image).toMatchObject({
    repository: 'docker.io/opendevorg/gerrit',
    tags: ['2.15'],
    path: '../../gerrit.googlesource.com/gerrit',
    build_args: ['BAZEL_OPTS="--local_resources=4096,2.0,1.0"']
  });
});

test("zuul-operator: docker_images' dockerfile key is container_filename", async () => {
  const text = readFileSync(join(LISTS, 'zuul-operator.yaml'), 'utf8').replace(
    /^ {4}"\{\{.*\}\}"$/m,
    '    [latest]'
  );
  const run = await validate(['--container-images', '-', '--json'], text);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('"container_filename": "build/Dockerfile"');
});

test("zuul-quay: Quay's repository keys are accepted with a warning each", async () => {
  const text = readFileSync(join(LISTS, 'zuul-quay.yaml'), 'utf8').replace(
    /&imagetag ".*"$/m,
    '&imagetag [latest]'
  );
  const run = await validate(['--container-images', '-'], text);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(
    'warning: container-images[0].repo_description: is read by Zuul to create a Quay repository; imagegate ignores it'
  );
  expect(run.stdout).toContain('quay.io/zuul-ci/zuul-web');
});

test('numbers stay as written: 1.10 is "1.10", not 1.1', async () => {
  const run = await validate([
    '--container-images',
    '- {context: ., repository: quay.io/org/app, tags: [1.10, 2.15, 3]}',
    '--json'
  ]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('"tags": [\n        "1.10",\n        "2.15",\n        "3"\n      ]');
});

test('mirrors and container-images together: every problem of both in one run', async () => {
  const run = await validate([
    '--container-images',
    '- {context: /abs, repository: quay.io/org/App}',
    '--mirrors',
    '- {src_repository: quay.io/a/b, dest_repository: ghcr.io/a/b}'
  ]);
  expect(run.code).toBe(1);
  expect(errorsOf(run.stderr).map(e => e.slice(0, e.indexOf(': ')))).toEqual([
    'container-images[0].context',
    'container-images[0].repository',
    'mirrors[0].src_tag'
  ]);
});

test('mirrors alone, --json: full names, tags or the regex, defaults filled in', async () => {
  const run = await validate([
    '--mirrors',
    '- {src_repository: alpine, tags: "/^3\\\\.[0-9]+$/", dest_repository: ghcr.io/acme/alpine}',
    '--json'
  ]);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('\n{') + 1)) as Record<
    string,
    unknown
  >;
  expect(json).toEqual({
    mirrors: [
      {
        field: 'mirrors[0]',
        src_repository: 'docker.io/library/alpine',
        dest_repository: 'ghcr.io/acme/alpine',
        tags: '/^3\\.[0-9]+$/',
        dest_tag: null,
        dest_registry: 'ghcr.io',
        platforms: [],
        no_clobber: false,
        src_digest: null
      }
    ]
  });
});

test('nothing to check is a usage problem named by field', async () => {
  const run = await validate([]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('container-images: give container-images, mirrors or both');
});

test('--check-contexts reads the filesystem: a missing context is named', async () => {
  const run = await validate([
    '--container-images',
    '- {context: nowhere, repository: quay.io/org/app}',
    '--check-contexts'
  ]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('container-images[0].context: "nowhere" is not a directory');
  // Without the flag the same list is fine: no filesystem is read.
  const pure = await validate([
    '--container-images',
    '- {context: nowhere, repository: quay.io/org/app}'
  ]);
  expect(pure.code).toBe(0);
});
