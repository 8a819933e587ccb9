/**
 * Run a bundled action the way the GitHub runner does: `node24 dist/<action>/index.js` with
 * `INPUT_*`, `GITHUB_*` and fresh `GITHUB_OUTPUT` / `GITHUB_STATE` / `GITHUB_STEP_SUMMARY`
 * files; post steps get the state that main saved as `STATE_*`.
 */
import {spawn} from 'node:child_process';
import {chownSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {makeRunTempDir} from './run-dir.js';
import {MERGED_SHA} from './merged-change.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Node 24 from the `node` devDependency, as the runner's `node24`. */
export const NODE24 = join(REPO_ROOT, 'node_modules/node/bin/node');

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  readonly summary: string;
  readonly seconds: number;
  /** `performance.now()` just before the process was spawned (the clock of the caller). */
  readonly spawnedAt: number;
  /** Wall time from spawn to exit, in milliseconds. */
  readonly wallMs: number;
  /** The `::error::` messages (unescaped), in order. */
  readonly errors: string[];
}

export interface ActionRunOptions {
  /** Input names as in action.yml (`container-images`). */
  readonly inputs?: Record<string, string>;
  readonly eventName?: string;
  readonly event?: unknown;
  readonly env?: Record<string, string>;
  /** State saved by an earlier main step, passed to a post step as STATE_<name>. */
  readonly state?: Record<string, string>;
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Run as this user (the runner's non-root `runner` user); the step's files become theirs. */
  readonly user?: {readonly uid: number; readonly gid: number};
}

/** Run `dist/<bundle>/index.js` (or `dist/index.js` for 'index') to completion. */
export async function runBundle(
  bundle: string,
  options: ActionRunOptions = {}
): Promise<ActionRun> {
  const dir = makeRunTempDir(`action-${bundle}`);
  const files = {
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    summary: join(dir, 'summary'),
    event: join(dir, 'event.json')
  };
  for (const f of [files.output, files.state, files.summary]) writeFileSync(f, '');
  writeFileSync(files.event, JSON.stringify(options.event ?? {}));
  if (options.user) {
    for (const f of [dir, ...Object.values(files)])
      chownSync(f, options.user.uid, options.user.gid);
  }
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: options.cwd ?? dir,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: MERGED_SHA,
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    ...options.env
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    // The runner upper-cases the name and keeps dashes: INPUT_CONTAINER-IMAGES.
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  const script = join(REPO_ROOT, 'dist', bundle === 'index' ? 'index.js' : `${bundle}/index.js`);
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build`);
  const started = Date.now();
  const spawnedAt = performance.now();
  const {code, stdout, stderr} = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((done, fail) => {
    const child = spawn(NODE24, [script], {
      env,
      cwd: options.cwd ?? dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.user && {uid: options.user.uid, gid: options.user.gid})
    });
    let out = '';
    let err = '';
    child.stdout.on('data', d => (out += d));
    child.stderr.on('data', d => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', fail);
    child.on('close', c => {
      clearTimeout(timer);
      done({code: c, stdout: out, stderr: err});
    });
  });
  const wallMs = performance.now() - spawnedAt;
  return {
    code,
    stdout,
    stderr,
    spawnedAt,
    wallMs,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    state: parseCommandFile(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    seconds: (Date.now() - started) / 1000,
    errors: [...stdout.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map(m => unescapeData(m[1]))
  };
}

/** Parse a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` blocks as @actions/core writes). */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      result[heredoc[1]] = body.join('\n');
    } else if (lines[i].includes('=')) {
      result[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return result;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Log text without the `::add-mask::` commands, which necessarily carry the secret itself. */
export function withoutMasks(log: string): string {
  return log.replace(/^::add-mask::.*$/gm, '');
}
