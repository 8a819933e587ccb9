import {InputError} from '../model/errors.js';
import {InputReader} from '../inputs/reader.js';
import {actionInputSource} from '../runner/workflow-commands.js';
import {COMMANDS, isCommand} from './index.js';

/** The root action: run the action named by the `command` input. */
export async function dispatchAction(): Promise<void> {
  const reader = new InputReader(actionInputSource);
  const command = reader.required('command', `one of ${Object.keys(COMMANDS).join(', ')}`);
  if (!isCommand(command)) {
    throw new InputError(
      'command',
      `"${command}" is not one of: ${Object.keys(COMMANDS).join(', ')}`
    );
  }
  await COMMANDS[command]();
}
