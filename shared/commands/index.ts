import {type CommandIO} from '../runner/io.js';

/**
 * The commands, as the root action's `command` input and the CLI's first argument name them.
 * Each is loaded when it is run (a chunk of its own beside the bundle), so a step parses the
 * code of its command only. Without `io`, a command talks to the runner (the actions).
 */
export const COMMANDS = {
  build: async (io?: CommandIO) => (await import('./build.js')).buildAction(io),
  upload: async (io?: CommandIO) => (await import('./upload.js')).uploadAction(io),
  merge: async (io?: CommandIO) => (await import('./merge.js')).mergeAction(io),
  promote: async (io?: CommandIO) => (await import('./promote.js')).promoteAction(io),
  mirror: async (io?: CommandIO) => (await import('./mirror.js')).mirrorAction(io),
  validate: async (io?: CommandIO) => (await import('./validate.js')).validateAction(io)
} as const satisfies Record<string, (io?: CommandIO) => Promise<void>>;

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
