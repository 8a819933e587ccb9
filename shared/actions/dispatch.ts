import {InputError} from '../model/errors.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {buildAction} from './build.js';
import {mergeAction} from './merge.js';
import {mirrorAction} from './mirror.js';
import {promoteAction} from './promote.js';
import {uploadAction} from './upload.js';
import {validateAction} from './validate.js';

export const COMMANDS = {
  build: buildAction,
  upload: uploadAction,
  merge: mergeAction,
  promote: promoteAction,
  mirror: mirrorAction,
  validate: validateAction
} as const;

/** The root action: run the action named by the `command` input. */
export async function dispatchAction(): Promise<void> {
  const reader = new InputReader(actionInputSource);
  const command = reader.required('command', `one of ${Object.keys(COMMANDS).join(', ')}`);
  if (!(command in COMMANDS)) {
    throw new InputError(
      'command',
      `"${command}" is not one of: ${Object.keys(COMMANDS).join(', ')}`
    );
  }
  await COMMANDS[command as keyof typeof COMMANDS]();
}
