/**
 * Two images of one context, each with its own Dockerfile and siblings, built in parallel: each
 * image must contain exactly its own siblings (the second one waits a little before its COPY, so
 * a shared `.imagegate-siblings` folder would already hold both sets, or be gone), and the
 * checkout must be left as it was.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runBundle} from '../../support/action-runner.js';
import {makeRunTempDir} from '../../support/run-dir.js';
import {BUSYBOX, ensurePodmanBusybox} from './fixture.js';

function workspace(name: string): string {
  const dir = makeRunTempDir(`ws-${name}`);
  const dockerfile = (wait: string) =>
    [
      `FROM ${BUSYBOX}`,
      'ARG IMAGEGATE_SIBLINGS',
      `RUN ${wait}`,
      'COPY .imagegate-siblings /siblings',
      'RUN find /siblings -type f | sort > /list.txt && echo "$IMAGEGATE_SIBLINGS" > /arg.txt',
      ''
    ].join('\n');
  const files: Record<string, string> = {
    'images/Dockerfile.a': dockerfile('true'),
    'images/Dockerfile.b': dockerfile('sleep 2'),
    'images/common.txt': 'shared context\n',
    'deps/liba/a.txt': 'a\n',
    'deps/libb/b.txt': 'b\n'
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true});
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// prettier-ignore
const ENGINES: Array<[string, string, Record<string, string>]> = [
  ['docker BuildKit', 'docker', {IMAGEGATE_DOCKER_BUILDER: 'buildkit'}],
  ['podman', 'podman', {}]
];

test.each(ENGINES)(
  '%s: images sharing a context each get exactly their own siblings',
  async (name, command, env) => {
    if (command === 'podman') ensurePodmanBusybox();
    const ns = `it-sib-${name.replace(/ /g, '-').toLowerCase()}`;
    const dir = workspace(ns);
    const list = [
      `- {context: images, container_filename: Dockerfile.a, repository: localhost/${ns}/a, siblings: [deps/liba]}`,
      `- {context: images, container_filename: Dockerfile.b, repository: localhost/${ns}/b, siblings: [deps/libb]}`
    ].join('\n');
    const run = await runBundle('build', {
      cwd: dir,
      env,
      inputs: {'container-images': list, 'container-command': command, parallel: '2'}
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const inImage = (image: string) =>
      execFileSync(
        command,
        ['run', '--rm', `localhost/${ns}/${image}:latest`, 'cat', '/list.txt', '/arg.txt'],
        {encoding: 'utf8'}
      ).trim();
    expect(inImage('a')).toBe('/siblings/deps/liba/a.txt\ndeps/liba');
    expect(inImage('b')).toBe('/siblings/deps/libb/b.txt\ndeps/libb');
    // The checkout is left as it was.
    expect(existsSync(join(dir, 'images', '.imagegate-siblings'))).toBe(false);
  },
  120_000
);
