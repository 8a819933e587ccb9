// Entry of the validate action: everything lives in shared/.
import {runAction} from '../shared/action/run.js';
import {validateAction} from '../shared/actions/validate.js';

await runAction(validateAction);
