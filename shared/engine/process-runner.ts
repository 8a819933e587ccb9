import {spawn} from 'node:child_process';
import {type Command, type CommandResult, type CommandRunner, type LineSink} from './command.js';

/** Output kept per stream for parsing; long builds only need the end. */
const MAX_CAPTURE = 4 << 20;

/** The production CommandRunner: child_process.spawn with an argv array, no shell. */
export class ProcessRunner implements CommandRunner {
  constructor(private readonly baseEnv: NodeJS.ProcessEnv = process.env) {}

  run(command: Command, sink?: LineSink): Promise<CommandResult> {
    return new Promise(resolve => {
      const child = spawn(command.command, [...command.args], {
        cwd: command.cwd,
        env: {...this.baseEnv, ...command.env},
        stdio: [command.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        shell: false
      });
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
      child.stdout?.on('data', onData('stdout'));
      child.stderr?.on('data', onData('stderr'));
      if (command.input !== undefined && child.stdin) child.stdin.end(command.input);
      child.on('error', error => {
        // ENOENT and friends: report like a failed command so callers handle one shape.
        resolve({code: 127, stdout: captured.stdout, stderr: `${captured.stderr}${error.message}`});
      });
      child.on('close', code => {
        for (const stream of ['stdout', 'stderr'] as const) {
          if (sink && partial[stream] !== '') sink(partial[stream], stream);
        }
        resolve({code: code ?? 1, stdout: captured.stdout, stderr: captured.stderr});
      });
    });
  }
}
