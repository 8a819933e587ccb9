import * as runner from './workflow-commands.js';
import {type StepLog} from '../model/log.js';
import {defuseCommands} from '../model/outside-text.js';

/**
 * StepLog on the runner: groups are `::group::`, warnings become annotations (both escaped as
 * workflow commands). Plain lines are printed as they are, so any line in them that the runner would
 * read as a workflow command (build output relayed whole, text a registry sent) is defused.
 */
export const actionLog: StepLog = {
  info: message => runner.info(defuseCommands(message)),
  warning: message => runner.warning(message),
  group: (title, fn) => runner.group(title, fn)
};
