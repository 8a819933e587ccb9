// Entry of the merge action: everything lives in shared/.
import {runAction} from '../shared/action/run.js';
import {mergeAction} from '../shared/actions/merge.js';

await runAction(mergeAction);
