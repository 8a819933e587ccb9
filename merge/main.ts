// Entry of the merge action: everything lives in shared/.
import {runAction} from '../shared/runner/run.js';
import {mergeAction} from '../shared/commands/merge.js';

await runAction(mergeAction);
