import {InputError} from '../model/errors.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';

/**
 * Each command is loaded when it is run (a chunk of its own beside the bundle), so a step
 * parses the code of its command only, not every other command's dependencies.
 */
export const COMMANDS = {
  build: async () => (await import('./build.js')).buildAction(),
  upload: async () => (await import('./upload.js')).uploadAction(),
  merge: async () => (await import('./merge.js')).mergeAction(),
  promote: async () => (await import('./promote.js')).promoteAction(),
  mirror: async () => (await import('./mirror.js')).mirrorAction(),
  validate: async () => (await import('./validate.js')).validateAction()
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
