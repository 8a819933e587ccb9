/**
 * Run a command function (shared/commands/*) in this process with the runner's own face for the
 * log and the errors (@actions/core writing to stdout, reportFailure turning failures into
 * `::error::` lines), but inputs, context and outputs injected: what the bundle does, without
 * a node start-up per case. Also the CLI's runCli with a captured terminal.
 */
import {type RunnerContext} from '../../shared/model/runner-context.js';
import {type CommandIO} from '../../shared/runner/io.js';
import {actionLog} from '../../shared/runner/io.js';
import {reportFailure} from '../../shared/runner/run.js';
import {runCli} from '../../shared/cli/main.js';
import {InputReader} from '../../shared/inputs/reader.js';
import {makeRunTempDir} from './run-dir.js';
import {MERGED_SHA} from './merged-change.js';

export interface InProcessRun {
  readonly code: number;
  /** Everything written to stdout (workflow commands included) or the terminal. */
  readonly output: string;
  /** The `::error::` messages (unescaped), or the CLI's `error:` lines. */
  readonly errors: string[];
  readonly outputs: Record<string, string>;
}

export interface InProcessOptions {
  readonly inputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly eventName?: string;
  readonly event?: unknown;
  readonly workspace?: string;
}

/** Run `command` as its action would run, capturing stdout. */
export async function runCommand(
  command: (io: CommandIO) => Promise<void>,
  options: InProcessOptions = {}
): Promise<InProcessRun> {
  const dir = makeRunTempDir('in-process');
  const inputs = options.inputs ?? {};
  const ctx: RunnerContext = {
    eventName: options.eventName ?? 'push',
    payload: options.event ?? {},
    sha: MERGED_SHA,
    repository: 'acme/app',
    workspace: options.workspace ?? dir,
    runId: '1001',
    runAttempt: '1',
    apiUrl: options.env?.GITHUB_API_URL ?? 'http://127.0.0.1:9',
    serverUrl: 'https://github.com',
    runnerTemp: dir
  };
  const outputs: Record<string, string> = {};
  const mask = (secret: string): void => void process.stdout.write(`::add-mask::${secret}\n`);
  const io: CommandIO = {
    reader: new InputReader(name => inputs[name] ?? '', undefined, mask),
    ctx,
    log: actionLog,
    report: {
      // As the runner's GITHUB_OUTPUT holds them: lists and objects as JSON text.
      output: (name, value) => {
        outputs[name] = typeof value === 'string' ? value : JSON.stringify(value);
      },
      table: async () => undefined
    },
    mask,
    debug: () => undefined,
    env: {...process.env, ...options.env}
  };
  let output = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  const exitCode = process.exitCode;
  process.exitCode = 0;
  try {
    await command(io);
  } catch (e) {
    reportFailure(e);
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = exitCode;
  return {
    code,
    output,
    errors: [...output.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map(m =>
      m[1].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    ),
    outputs
  };
}

/** `imagegate <argv>` in this process; errors are its `error:` lines. */
export async function runCliInProcess(
  argv: string[],
  options: {env?: Record<string, string>; cwd?: string; stdin?: string} = {}
): Promise<InProcessRun> {
  let output = '';
  const code = await runCli(argv, {
    env: {...process.env, ...options.env},
    cwd: options.cwd ?? makeRunTempDir('cli-in-process'),
    terminal: {out: t => (output += `${t}\n`), err: t => (output += `${t}\n`), tty: false},
    readStdin: () => options.stdin ?? ''
  });
  return {
    code,
    output,
    errors: [...output.matchAll(/^error: (.*)$/gm)].map(m => m[1]),
    outputs: {}
  };
}
