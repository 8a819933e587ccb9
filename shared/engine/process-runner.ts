import {exec} from '@actions/exec';
import {type Command, type CommandResult, type CommandRunner, type LineSink} from './command.js';

/** Output kept per stream for parsing; long builds only need the end. */
const MAX_CAPTURE = 4 << 20;

/**
 * The production CommandRunner: @actions/exec with an argv array (no shell), silent, so every
 * line goes to the caller's sink (log groups, platform prefixes) and nothing is echoed twice.
 * Lines are split here from the raw output: @actions/exec does not hand the last line of a
 * stream to its line listeners when it lacks a newline.
 */
export class ProcessRunner implements CommandRunner {
  constructor(private readonly baseEnv: NodeJS.ProcessEnv = process.env) {}

  async run(command: Command, sink?: LineSink): Promise<CommandResult> {
    const captured = {stdout: '', stderr: ''};
    const partial = {stdout: '', stderr: ''};
    const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      captured[stream] = (captured[stream] + text).slice(-MAX_CAPTURE);
      if (!sink) return;
      const lines = (partial[stream] + text).split(/\r?\n/);
      partial[stream] = lines.pop() ?? '';
      for (const line of lines) sink(line, stream);
    };
    const env = Object.fromEntries(
      Object.entries({...this.baseEnv, ...command.env}).filter(
        (e): e is [string, string] => e[1] !== undefined
      )
    );
    let code: number;
    try {
      code = await exec(command.command, [...command.args], {
        ...(command.cwd !== undefined && {cwd: command.cwd}),
        env,
        silent: true,
        ignoreReturnCode: true,
        ...(command.input !== undefined && {input: Buffer.from(command.input)}),
        listeners: {stdout: onData('stdout'), stderr: onData('stderr')}
      });
    } catch (error) {
      // Not found, cwd missing: report like a failed command so callers handle one shape.
      return {code: 127, stdout: captured.stdout, stderr: `${captured.stderr}${String(error)}`};
    }
    for (const stream of ['stdout', 'stderr'] as const) {
      if (sink && partial[stream] !== '') sink(partial[stream], stream);
    }
    return {code, stdout: captured.stdout, stderr: captured.stderr};
  }
}
