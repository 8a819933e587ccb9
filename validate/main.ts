// Entry of the validate action: everything lives in shared/.
import {runAction} from '../shared/runner/run.js';
import {validateAction} from '../shared/commands/validate.js';

await runAction(validateAction);
