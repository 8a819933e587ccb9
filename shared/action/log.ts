import * as core from '@actions/core';
import {type StepLog} from '../model/log.js';

/** StepLog on the runner: groups are `::group::`, warnings become annotations. */
export const actionLog: StepLog = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  group: (title, fn) => core.group(title, fn)
};
