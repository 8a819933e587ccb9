/** A container-CLI invocation as pure data: never a shell string, secrets only through `input`. */
export interface Command {
  readonly command: string;
  readonly args: readonly string[];
  /** Added to the inherited environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to stdin (e.g. a password for `--password-stdin`), never logged. */
  readonly input?: string;
  readonly cwd?: string;
}

/** Where a command's output lines go while it runs (logging, prefixing). */
export type LineSink = (line: string, stream: 'stdout' | 'stderr') => void;

/** What a finished command left behind; output is kept whole for parsing (digests, ids). */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs commands; the only side effect of the engine, injected so tests pick real binaries. */
export interface CommandRunner {
  /** Run to completion; never throws for a non-zero exit (callers decide). */
  run(command: Command, sink?: LineSink): Promise<CommandResult>;
}

/** A container command failed: argv (secrets redacted), exit code and the tail of stderr. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly command: Command,
    readonly code: number,
    readonly stderrTail: string,
    options?: {cause?: unknown}
  ) {
    super(
      `${describeCommand(command)} exited with ${code}${stderrTail ? `: ${stderrTail}` : ''}`,
      options
    );
  }
}

/** `docker build -t x .` for messages; values after credential flags are redacted. */
export function describeCommand(command: Command): string {
  const args = command.args.map((a, i) =>
    /^(-p|--password|--creds|--src-creds|--dest-creds)$/.test(command.args[i - 1] ?? '') ? '***' : a
  );
  return [command.command, ...args].join(' ');
}

/** The last non-empty lines of some output, for error messages. */
export function tail(text: string, lines = 5): string {
  return text
    .split('\n')
    .map(l => l.trimEnd())
    .filter(l => l !== '')
    .slice(-lines)
    .join(' | ');
}

/** Run and throw CommandError on a non-zero exit. */
export async function runChecked(
  runner: CommandRunner,
  command: Command,
  sink?: LineSink
): Promise<CommandResult> {
  const result = await runner.run(command, sink);
  if (result.code !== 0) {
    throw new CommandError(command, result.code, tail(result.stderr || result.stdout));
  }
  return result;
}
