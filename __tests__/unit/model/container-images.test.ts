import {InputError, InputErrors} from '../../../shared/model/errors.js';
import {parseContainerImages} from '../../../shared/model/container-images.js';

/** Every problem message of a failing parse. */
function problems(text: string, requireContext = true): string[] {
  try {
    parseContainerImages(text, {requireContext});
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map(err => err.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  throw new Error('expected the input to be rejected');
}

// Each row: a bad input, the exact field path the message must start with, and a phrase from it.
// prettier-ignore
const BAD: Array<[string, string, string, string]> = [
  ['empty text', '', 'container-images', 'must not be empty'],
  ['whitespace only', '   \n', 'container-images', 'must not be empty'],
  ['not YAML', '- [unclosed', 'container-images', 'not valid YAML or JSON'],
  ['a mapping, not a list', 'repository: x', 'container-images', 'must be a list'],
  ['a string', '"quay.io/org/app"', 'container-images', 'must be a list'],
  ['empty list', '[]', 'container-images', 'at least one image'],
  ['entry is a string', '- quay.io/org/app', 'container-images[0]', 'must be a mapping'],
  ['entry is null', '-', 'container-images[0]', 'must be a mapping'],
  ['entry is a list', '- [a, b]', 'container-images[0]', 'must be a mapping'],
  ['missing repository', '- context: .', 'container-images[0].repository', 'is required'],
  ['missing context', '- repository: quay.io/org/app', 'container-images[0].context', 'is required'],
  ['repository upper case', '- {context: ., repository: quay.io/Org/app}', 'container-images[0].repository', 'must be lowercase'],
  ['repository with tag', '- {context: ., repository: "quay.io/org/app:1"}', 'container-images[0].repository', 'without a tag'],
  ['repository with digest', `- {context: ., repository: "quay.io/org/app@sha256:${'a'.repeat(64)}"}`, 'container-images[0].repository', 'without a tag or digest'],
  ['repository bad component', '- {context: ., repository: quay.io/org/-app}', 'container-images[0].repository', 'not a valid path component'],
  ['repository double slash', '- {context: ., repository: "quay.io//app"}', 'container-images[0].repository', 'not a valid path component'],
  ['repository a boolean', '- {context: ., repository: true}', 'container-images[0].repository', 'must be a string'],
  ['repository a Zuul template', '- {context: ., repository: "{{ container_registry }}/nova"}', 'container-images[0].repository', 'Zuul (Jinja) template'],
  ['repository empty', '- {context: ., repository: ""}', 'container-images[0].repository', 'must not be empty'],
  ['repository too long', `- {context: ., repository: quay.io/${'a'.repeat(260)}}`, 'container-images[0].repository', 'longer than 255'],
  ['bad registry host', '- {context: ., repository: "quay..io/org/app"}', 'container-images[0].repository', 'invalid registry host'],
  ['tag with !', '- {context: ., repository: quay.io/org/app, tags: ["Latest!"]}', 'container-images[0].tags[0]', '"Latest!" is not a valid tag'],
  ['tag starting with dot', '- {context: ., repository: quay.io/org/app, tags: [".hidden"]}', 'container-images[0].tags[0]', 'not a valid tag'],
  ['tag starting with dash', '- {context: ., repository: quay.io/org/app, tags: ["-x"]}', 'container-images[0].tags[0]', 'not a valid tag'],
  ['tag with slash', '- {context: ., repository: quay.io/org/app, tags: [a/b]}', 'container-images[0].tags[0]', 'not a valid tag'],
  ['tag too long', `- {context: ., repository: quay.io/org/app, tags: [${'t'.repeat(129)}]}`, 'container-images[0].tags[0]', 'at most 128'],
  ['tag empty', '- {context: ., repository: quay.io/org/app, tags: [""]}', 'container-images[0].tags[0]', 'must not be empty'],
  ['tag a Zuul template', '- {context: ., repository: quay.io/org/app, tags: ["{{ zuul.tag }}"]}', 'container-images[0].tags[0]', 'nothing expands on GitHub'],
  ['tags one Zuul template string', '- {context: ., repository: quay.io/org/app, tags: "{{ zuul.tag is defined | ternary([zuul.tag], [\'latest\']) }}"}', 'container-images[0].tags', 'Zuul (Jinja) template'],
  ['tag a workflow expression', '- {context: ., repository: quay.io/org/app, tags: ["${{ github.ref_name }}"]}', 'container-images[0].tags[0]', 'only a workflow\'s with: expands'],
  ['tag as boolean', '- {context: ., repository: quay.io/org/app, tags: [latest, yes, true]}', 'container-images[0].tags[2]', 'must be a string'],
  ['second tag bad', '- {context: ., repository: quay.io/org/app, tags: [ok, "b@d"]}', 'container-images[0].tags[1]', 'not a valid tag'],
  ['tags a string', '- {context: ., repository: quay.io/org/app, tags: latest}', 'container-images[0].tags', 'must be a list'],
  ['tags empty list', '- {context: ., repository: quay.io/org/app, tags: []}', 'container-images[0].tags', 'must not be empty'],
  ['duplicate repo:tag across entries', '- {context: a, repository: quay.io/org/app}\n- {context: b, repository: quay.io/org/app}', 'container-images[1].tags[0]', 'already produced by container-images[0].tags[0]'],
  ['duplicate tag in one entry', '- {context: ., repository: quay.io/org/app, tags: [v1, v1]}', 'container-images[0].tags[1]', 'already produced'],
  ['duplicate via normalisation', '- {context: a, repository: alpine}\n- {context: b, repository: docker.io/library/alpine}', 'container-images[1].tags[0]', 'docker.io/library/alpine:latest'],
  ['unknown key typo', '- {context: ., repository: quay.io/org/app, tgas: [x]}', 'container-images[0].tgas', 'did you mean "tags"'],
  ['kebab-case key', '- {context: ., repository: quay.io/org/app, build-args: [A=1]}', 'container-images[0].build-args', 'did you mean "build_args"'],
  ['dockerfile and container_filename', '- {context: ., repository: quay.io/org/app, dockerfile: D, container_filename: C}', 'container-images[0].dockerfile', 'give only one'],
  ['dockerfile escapes', '- {context: a, repository: quay.io/org/app, dockerfile: ../../D}', 'container-images[0].dockerfile', 'leaves the working directory'],
  ['platforms instead of arch', '- {context: ., repository: quay.io/org/app, platforms: [linux/amd64]}', 'container-images[0].platforms', 'did you mean "arch"'],
  ['absolute context', '- {context: /etc, repository: quay.io/org/app}', 'container-images[0].context', '"/etc" is an absolute path; imagegate reads paths relative to the working directory (write it relative'],
  ['absolute path is never joined to the context', '- {context: docker/gerrit, path: /home/zuul/src/gerrit.googlesource.com/gerrit, repository: opendevorg/gerrit}', 'container-images[0].path', 'relative to the context (docker/gerrit): check that repository out below the workspace where Zuul had it below /home/zuul/src (actions/checkout with path: gerrit.googlesource.com/gerrit), then write "../../gerrit.googlesource.com/gerrit"'],
  ['absolute container_filename', '- {context: app, container_filename: /app/Dockerfile, repository: quay.io/org/app}', 'container-images[0].container_filename', 'is an absolute path'],
  ['context escapes', '- {context: ../other, repository: quay.io/org/app}', 'container-images[0].context', 'leaves the working directory'],
  ['context escapes after normalising', '- {context: a/../../b, repository: quay.io/org/app}', 'container-images[0].context', 'leaves the working directory'],
  ['context as list', '- {context: [a], repository: quay.io/org/app}', 'container-images[0].context', 'must be a string'],
  ['path escapes context and workspace', '- {context: a, path: ../../x, repository: quay.io/org/app}', 'container-images[0].path', 'leaves the working directory'],
  ['container_filename escapes', '- {context: ., container_filename: ../../Dockerfile, repository: quay.io/org/app}', 'container-images[0].container_filename', 'leaves the working directory'],
  ['build_args not KEY=VALUE', '- {context: ., repository: quay.io/org/app, build_args: [NOVALUE]}', 'container-images[0].build_args[0]', 'KEY=VALUE'],
  ['build_args bad key', '- {context: ., repository: quay.io/org/app, build_args: ["1A=x"]}', 'container-images[0].build_args[0]', 'KEY=VALUE'],
  ['build_args a mapping', '- {context: ., repository: quay.io/org/app, build_args: {A: 1}}', 'container-images[0].build_args', 'must be a list'],
  ['build_args item number', '- {context: ., repository: quay.io/org/app, build_args: [1]}', 'container-images[0].build_args[0]', '"1" must look like KEY=VALUE'],
  ['build_args with a Zuul template', '- {context: ., repository: quay.io/org/app, build_args: ["REGISTRY={{ container_registry }}"]}', 'container-images[0].build_args[0]', 'Zuul (Jinja) template'],
  ['target empty', '- {context: ., repository: quay.io/org/app, target: ""}', 'container-images[0].target', 'must not be empty'],
  ['sibling absolute', '- {context: ., repository: quay.io/org/app, siblings: [/src/x]}', 'container-images[0].siblings[0]', 'absolute path; imagegate reads paths relative to the workspace'],
  ['sibling escapes', '- {context: ., repository: quay.io/org/app, siblings: [ok, ../../x]}', 'container-images[0].siblings[1]', 'leaves the working directory'],
  ['labels list without =', '- {context: ., repository: quay.io/org/app, labels: [novalue]}', 'container-images[0].labels[0]', 'key=value'],
  ['labels map non-string', '- {context: ., repository: quay.io/org/app, labels: {version: [2]}}', 'container-images[0].labels.version', 'must be a string'],
  ['label value a Zuul template', '- {context: ., repository: quay.io/org/app, labels: {change: "{{ zuul.change }}"}}', 'container-images[0].labels.change', 'Zuul (Jinja) template'],
  ['labels a string', '- {context: ., repository: quay.io/org/app, labels: "a=b"}', 'container-images[0].labels', 'list of "key=value" or a mapping'],
  ['label key invalid', '- {context: ., repository: quay.io/org/app, labels: ["=x"]}', 'container-images[0].labels[0]', 'not a valid label key'],
  ['arch not a platform', '- {context: ., repository: quay.io/org/app, arch: [arm64]}', 'container-images[0].arch[0]', 'not a platform'],
  ['arch a string', '- {context: ., repository: quay.io/org/app, arch: linux/arm64}', 'container-images[0].arch', 'must be a list'],
  ['registry a list', '- {context: ., repository: quay.io/org/app, registry: [5]}', 'container-images[0].registry', 'must be a string'],
  ['third entry is wrong', '- {context: a, repository: quay.io/org/a}\n- {context: b, repository: quay.io/org/b}\n- {context: c, repository: quay.io/org/c, tags: ["Latest!"]}', 'container-images[2].tags[0]', '"Latest!" is not a valid tag'],
  ['repeated YAML key', '- context: .\n  repository: quay.io/org/a\n  repository: quay.io/org/b', 'container-images', 'repeats the key "repository" at line 3, column 3'],
  ['JSON not closed', '[{"context": ".", "repository": "quay.io/org/app"}', 'container-images', 'not valid YAML or JSON'],
  ['input over 1 MiB', `# ${'x'.repeat(1024 * 1024)}\n- {context: ., repository: a/b}`, 'container-images', 'limit is 1048576 bytes']
];

describe('parseContainerImages rejects bad input and names the field', () => {
  test.each(BAD)('%s', (_name, text, field, phrase) => {
    const messages = problems(text);
    const match = messages.find(m => m.startsWith(`${field}: `));
    expect({messages, match: match !== undefined}).toEqual({messages, match: true});
    expect(match).toContain(phrase);
  });

  test('has at least 40 bad-input cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(40);
  });

  test('reports every problem of every entry in one pass', () => {
    const messages = problems(
      '- {context: /abs, repository: quay.io/Org/app, tags: ["x!"]}\n- {repository: quay.io/org/b, oops: 1}'
    );
    expect(messages.map(m => m.split(':')[0])).toEqual([
      'container-images[0].context',
      'container-images[0].repository',
      'container-images[0].tags[0]',
      'container-images[1].oops',
      'container-images[1].context'
    ]);
  });

  test('promote does not need a context', () => {
    expect(parseContainerImages('- repository: quay.io/org/app')).toHaveLength(1);
  });
});

describe('parseContainerImages accepts Zuul lists', () => {
  test('applies defaults and normalises names', () => {
    const [image] = parseContainerImages('- {context: app, repository: org/app}', {
      requireContext: true
    });
    expect(image).toEqual({
      field: 'container-images[0]',
      context: 'app',
      path: '.',
      registry: 'docker.io',
      repositoryInput: 'org/app',
      repository: {registry: 'docker.io', repository: 'org/app'},
      tags: ['latest'],
      buildArgs: [],
      siblings: [],
      labels: {},
      arch: []
    });
  });

  test('reads unquoted numbers as the text written: tags, labels, build args, keys', () => {
    const [image] = parseContainerImages(
      '- {context: ., repository: quay.io/org/app, tags: [2.15, 1.10, 3, 1.0e3, 0x1F], ' +
        'build_args: [V=1.10], labels: {version: 1.10, 2.0: two}, registry: 5}'
    );
    expect(image.tags).toEqual(['2.15', '1.10', '3', '1.0e3', '0x1F']);
    expect(image.labels).toEqual({version: '1.10', '2.0': 'two'});
    expect(image.registry).toBe('5');
  });

  test("takes docker_images' dockerfile key as container_filename", () => {
    const [image] = parseContainerImages(
      '- {context: ., dockerfile: build/Dockerfile, repository: zuul/zuul-operator}'
    );
    expect(image.containerFilename).toBe('build/Dockerfile');
  });

  test("accepts Zuul's Quay repository keys and says they are ignored", () => {
    const warnings: string[] = [];
    const [image] = parseContainerImages(
      '- {context: ., repository: quay.io/zuul-ci/zuul, namespace: zuul-ci, repo_shortname: zuul, repo_description: Base image.}',
      {warn: (field, message) => warnings.push(`${field}: ${message}`)}
    );
    expect(image.repository.repository).toBe('zuul-ci/zuul');
    expect(warnings).toEqual([
      'container-images[0].namespace: is read by Zuul to create a Quay repository; imagegate ignores it',
      'container-images[0].repo_shortname: is read by Zuul to create a Quay repository; imagegate ignores it',
      'container-images[0].repo_description: is read by Zuul to create a Quay repository; imagegate ignores it'
    ]);
  });

  test('takes every Zuul key, JSON or YAML, labels as list or map', () => {
    const yaml = `
- context: images/app
  path: ../..
  container_filename: Containerfile.app
  registry: quay.io
  repository: quay.io/org/app
  tags: [latest, "1.10"]
  build_args: [VERSION=1.10, EMPTY=]
  target: final
  siblings: [deps/lib]
  labels: [team=infra, "url=https://x.example/?a=b"]
  arch: [linux/amd64, linux/arm64, linux/arm/v7]
- {"context": "b", "repository": "127.0.0.1:5000/b", "labels": {"k": "v"}}
`;
    const [a, b] = parseContainerImages(yaml, {requireContext: true});
    expect(a.path).toBe('../..');
    expect(a.tags).toEqual(['latest', '1.10']);
    expect(a.buildArgs).toEqual(['VERSION=1.10', 'EMPTY=']);
    expect(a.labels).toEqual({team: 'infra', url: 'https://x.example/?a=b'});
    expect(a.arch).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    expect(b.repository).toEqual({registry: '127.0.0.1:5000', repository: 'b'});
    expect(b.labels).toEqual({k: 'v'});
  });
});
