// Entry of the promote action: everything lives in shared/.
import {runAction} from '../shared/runner/run.js';
import {promoteAction} from '../shared/commands/promote.js';

await runAction(promoteAction);
