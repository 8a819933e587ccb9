import {type CliInput, COMMAND_FLAGS} from './inputs.generated.js';

/** A command line that cannot be run as given (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A parsed command line. */
export interface ParsedArgs {
  readonly command: string;
  /** `registry start|stop`. */
  readonly subcommand?: string;
  /** Input values by action input name. */
  readonly flags: Readonly<Record<string, string>>;
  readonly help: boolean;
  /** `--json`: print the outputs as one JSON object at the end. */
  readonly json: boolean;
}

const SUBCOMMANDS: Record<string, readonly string[]> = {registry: ['start', 'stop']};

/**
 * Parse `imagegate <command> [start|stop] [--input value | --input=value]... [--help] [--json]`.
 * A flag without a value means `true` (`--dry-run`). Unknown commands and flags are UsageErrors.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return {command: '', flags: {}, help: true, json: false};
  }
  const spec = COMMAND_FLAGS[command];
  if (!spec)
    throw new UsageError(
      `unknown command "${command}"; commands: ${Object.keys(COMMAND_FLAGS).join(', ')}`
    );
  let subcommand: string | undefined;
  if (SUBCOMMANDS[command] && rest[0] !== undefined && !rest[0].startsWith('-'))
    subcommand = rest.shift();
  const flags: Record<string, string> = {};
  let help = false;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (!arg.startsWith('--'))
      throw new UsageError(`unexpected argument "${arg}" (inputs are --name value)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!spec.inputs.some((input: CliInput) => input.name === name)) {
      throw new UsageError(`${command} has no input --${name}; see imagegate ${command} --help`);
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) value = rest[++i];
    else value = 'true';
    flags[name] = value;
  }
  if (
    !help &&
    SUBCOMMANDS[command] &&
    (subcommand === undefined || !SUBCOMMANDS[command].includes(subcommand))
  ) {
    throw new UsageError(`${command} needs one of: ${SUBCOMMANDS[command].join(', ')}`);
  }
  return {command, ...(subcommand !== undefined && {subcommand}), flags, help, json};
}

/** `--help` text for one command, or the overview. */
export function helpText(command: string): string {
  if (!command || !COMMAND_FLAGS[command]) {
    const lines = Object.entries(COMMAND_FLAGS).map(
      ([name, spec]) =>
        `  ${(name === 'registry' ? 'registry start|stop' : name).padEnd(20)} ${spec.description}`
    );
    return [
      'Usage: imagegate <command> [--input value]... [--json]',
      '',
      'Commands:',
      ...lines,
      '',
      'imagegate <command> --help lists its inputs.'
    ].join('\n');
  }
  const spec = COMMAND_FLAGS[command];
  const usage = command === 'registry' ? 'imagegate registry start|stop' : `imagegate ${command}`;
  const inputs = spec.inputs.map(
    (input: CliInput) =>
      `  --${input.name}${input.required ? ' (required)' : ''}${input.default !== undefined ? ` [default: ${input.default}]` : ''}\n      ${input.description}`
  );
  return [
    `Usage: ${usage} [--input value]... [--json]`,
    '',
    spec.description,
    '',
    'Inputs (a value naming an existing file is read from it; - reads stdin):',
    ...inputs
  ].join('\n');
}
