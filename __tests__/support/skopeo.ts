/**
 * skopeo as the independent peer: tests check our registry code against what skopeo (the
 * containers/image stack) pushes and sees. Always argv arrays through execFile, no shell.
 */
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import type {TestRegistry} from './registry.js';

export const SKOPEO_BIN = process.env.IMAGEGATE_TEST_SKOPEO_BIN ?? 'skopeo';

export interface SkopeoResult {
  stdout: string;
  stderr: string;
}

export class SkopeoError extends Error {
  constructor(
    message: string,
    readonly args: string[],
    readonly exitCode: number | string | null,
    readonly stderr: string
  ) {
    super(message);
    this.name = 'SkopeoError';
  }
}

/** `--creds u:p` style values must not end up in test output. */
function redact(args: string[]): string[] {
  return args.map((a, i) => (/^--(src-|dest-)?creds$/.test(args[i - 1] ?? '') ? '***' : a));
}

function run(args: string[], timeoutMs: number): Promise<{stdout: Buffer; stderr: string}> {
  // --insecure-policy: do not depend on /etc/containers/policy.json of the machine.
  const argv = ['--insecure-policy', ...args];
  return new Promise((resolve, reject) => {
    execFile(
      SKOPEO_BIN,
      argv,
      {encoding: 'buffer', maxBuffer: 64 << 20, timeout: timeoutMs, env: process.env},
      (err, stdout, stderr) => {
        const errText = stderr.toString('utf8');
        if (err) {
          const code = (err as NodeJS.ErrnoException & {code?: number | string}).code ?? null;
          const msg = `skopeo ${redact(argv).join(' ')} failed (${code}): ${errText.trim()}`;
          reject(new SkopeoError(msg, args, code, errText));
          return;
        }
        resolve({stdout, stderr: errText});
      }
    );
  });
}

/** Runs `skopeo --insecure-policy <args>`; rejects with a SkopeoError carrying stderr. */
export async function skopeo(
  args: string[],
  opts: {timeoutMs?: number} = {}
): Promise<SkopeoResult> {
  const {stdout, stderr} = await run(args, opts.timeoutMs ?? 120_000);
  return {stdout: stdout.toString('utf8'), stderr};
}

/** `docker://host/repo:tag` or `docker://host/repo@sha256:...`. */
export function dockerRef(reg: TestRegistry, repo: string, ref: string): string {
  return `docker://${reg.host}/${repo}${ref.includes(':') ? '@' : ':'}${ref}`;
}

/** The manifest bytes exactly as the registry stores them. */
export async function rawManifest(reg: TestRegistry, repo: string, ref: string): Promise<Buffer> {
  const args = ['inspect', '--raw', ...reg.skopeoArgs('plain'), dockerRef(reg, repo, ref)];
  return (await run(args, 60_000)).stdout;
}

/** `sha256:<hex>` of the stored manifest bytes. */
export async function rawManifestDigest(
  reg: TestRegistry,
  repo: string,
  ref: string
): Promise<string> {
  const raw = await rawManifest(reg, repo, ref);
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

/** Tags of a repository, as the registry lists them. */
export async function listTags(reg: TestRegistry, repo: string): Promise<string[]> {
  const args = ['list-tags', ...reg.skopeoArgs('plain'), `docker://${reg.host}/${repo}`];
  const {stdout} = await skopeo(args);
  return (JSON.parse(stdout) as {Tags: string[] | null}).Tags ?? [];
}
