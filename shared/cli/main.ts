import {existsSync, readFileSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {type CommandIO} from '../runner/io.js';
import {COMMANDS, isCommand} from '../commands/index.js';
import {InputReader} from '../inputs/reader.js';
import {InputError, InputErrors, errorMessage} from '../model/errors.js';
import {UsageError, helpText, parseArgs} from './args.js';
import {cliRunnerContext} from './context.js';
import {COMMAND_FLAGS} from './inputs.generated.js';
import {terminalLog, terminalReporter, type Terminal} from './terminal.js';

/** What the CLI needs from its process; injected so tests run it in-process. */
export interface CliEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly terminal: Terminal;
  readonly readStdin: () => string;
}

/** Inputs whose value may name a file (or `-` for stdin) holding the YAML/JSON text. */
const TEXT_INPUTS = new Set([
  'container-images',
  'registry-credentials',
  'mirrors',
  'build-extra-env'
]);

/**
 * Run `imagegate <command>` with the same inputs, validation and steps as the actions. Returns
 * the exit code: 0 success, 1 failure, 2 usage error.
 */
export async function runCli(argv: readonly string[], cli: CliEnvironment): Promise<number> {
  const {terminal} = cli;
  let args;
  try {
    args = parseArgs(argv);
    if (args.help) {
      terminal.out(helpText(args.command));
      return 0;
    }
    const missing = COMMAND_FLAGS[args.command].inputs.filter(
      i => i.required && !(i.name in args!.flags)
    );
    if (missing.length > 0) {
      throw new UsageError(
        `missing ${missing.map(i => `--${i.name}`).join(', ')}; see imagegate ${args.command} --help`
      );
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    terminal.err(`imagegate: ${e.message}`);
    return 2;
  }
  const secrets = new Set<string>();
  const outputs: Record<string, string | object> = {};
  const flags = {...args.flags};
  if (!flags['github-token'] && cli.env.GITHUB_TOKEN) flags['github-token'] = cli.env.GITHUB_TOKEN;
  const log = terminalLog(terminal, secrets);
  const io: CommandIO = {
    reader: new InputReader(
      name => readInput(name, flags[name] ?? '', cli),
      log.warning,
      secret => secrets.add(secret)
    ),
    ctx: cliRunnerContext(cli.env, cli.cwd, Boolean(flags['github-token'])),
    log,
    report: terminalReporter(terminal, outputs),
    mask: secret => secrets.add(secret),
    debug: message => {
      if (cli.env.IMAGEGATE_DEBUG) terminal.err(`debug: ${message}`);
    },
    env: cli.env
  };
  try {
    if (args.command === 'registry') {
      const {registryCommand} = await import('./registry.js');
      await registryCommand(args.subcommand as string, io);
    } else if (isCommand(args.command)) {
      await COMMANDS[args.command](io);
    } else {
      throw new UsageError(`unknown command "${args.command}"`);
    }
    if (args.json) terminal.out(JSON.stringify(outputs, null, 2));
    return 0;
  } catch (e) {
    const messages =
      e instanceof InputErrors ? e.errors.map(err => err.message) : [errorMessage(e)];
    for (const m of messages)
      terminal.err(`error: ${[...secrets].reduce((t, s) => t.split(s).join('***'), m)}`);
    if (e instanceof InputError || e instanceof InputErrors)
      terminal.err('nothing was built or written');
    if (args.json) terminal.out(JSON.stringify(outputs, null, 2));
    return 1;
  }
}

function readInput(name: string, value: string, cli: CliEnvironment): string {
  if (!TEXT_INPUTS.has(name) || value === '') return value;
  if (value === '-') return cli.readStdin();
  const path = resolve(cli.cwd, value);
  // A value that names a file is read; anything else is the YAML/JSON text itself.
  if (!value.includes('\n') && existsSync(path) && statSync(path).isFile())
    return readFileSync(path, 'utf8');
  return value;
}
