/**
 * A small git workspace for build and upload tests: `base` (FROM the local busybox), `app`
 * (FROM base through an ARG, multi-stage with a target, siblings), `multi` (FROM scratch + COPY,
 * two platforms without emulation), and a sibling checkout `lib`.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {makeRunTempDir} from '../../support/run-dir.js';

export const BUSYBOX =
  process.env.IMAGEGATE_TEST_BUSYBOX_IMAGE ?? 'localhost/imagegate-test/busybox:1';

/** A fresh committed workspace; returns its path and HEAD / HEAD^{tree}. */
export function makeWorkspace(name: string): {dir: string; revision: string; tree: string} {
  const dir = makeRunTempDir(`ws-${name}`);
  const files: Record<string, string> = {
    'base/Dockerfile': `ARG BUSYBOX=${BUSYBOX}\nFROM $BUSYBOX\nRUN echo base > /base.txt\n`,
    'app/Dockerfile': [
      'ARG BASE=unset/base',
      'FROM ${BASE}:latest AS runtime',
      'ARG GREETING',
      'ARG IMAGEGATE_SIBLINGS',
      'COPY .imagegate-siblings /siblings',
      'RUN echo "$GREETING" > /greeting && echo "$IMAGEGATE_SIBLINGS" > /siblings.txt',
      'FROM runtime AS debug',
      'RUN echo debug > /debug.txt',
      ''
    ].join('\n'),
    'multi/Containerfile.multi': 'FROM scratch\nCOPY payload.txt /payload.txt\n',
    'multi/payload.txt': 'payload\n',
    'lib/README': 'sibling checkout\n',
    'broken/Dockerfile': `FROM ${BUSYBOX}\nRUN exit 3\n`
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true});
    writeFileSync(join(dir, path), text);
  }
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args],
      {encoding: 'utf8'}
    ).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return {dir, revision: git('rev-parse', 'HEAD'), tree: git('rev-parse', 'HEAD^{tree}')};
}

/** The three-image list (plus the two-platform entry when `multi`), YAML. */
export function imageList(ns: string, opts: {multi?: boolean} = {}): string {
  const lines = [
    `- {context: app, repository: localhost/${ns}/app, tags: [latest, v1], target: runtime,`,
    `   build_args: ["BASE=localhost/${ns}/base", "GREETING=hello"], siblings: [lib],`,
    `   labels: {team: gate, org.opencontainers.image.revision: forged}}`,
    `- {context: base, repository: localhost/${ns}/base}`
  ];
  if (opts.multi) {
    lines.push(
      `- {context: multi, container_filename: Containerfile.multi, repository: localhost/${ns}/multi, arch: [linux/amd64, linux/arm64]}`
    );
  }
  return lines.join('\n');
}

/** Put the busybox base image into podman's storage (it lives in dockerd). */
export function ensurePodmanBusybox(): void {
  try {
    execFileSync('podman', ['image', 'exists', BUSYBOX]);
  } catch {
    execFileSync('podman', ['pull', '-q', `docker-daemon:${BUSYBOX}`]);
  }
}

/**
 * Per-platform temporary tags (`<repo>:<tag>__linux-arm64`) left in the engine's local store for
 * repositories whose name contains `fragment`.
 */
export function localPlatformTags(command: string, fragment: string): string[] {
  const out = execFileSync(command, ['images', '--format', '{{.Repository}}:{{.Tag}}'], {
    encoding: 'utf8'
  });
  return out.split('\n').filter(ref => ref.includes(fragment) && /__linux-[a-z0-9-]+$/.test(ref));
}
