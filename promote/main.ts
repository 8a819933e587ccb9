// Entry of the promote action: everything lives in shared/.
import {runAction} from '../shared/action/run.js';
import {promoteAction} from '../shared/actions/promote.js';

await runAction(promoteAction);
