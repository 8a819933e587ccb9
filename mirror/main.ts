// Entry of the mirror action: everything lives in shared/.
import {runAction} from '../shared/action/run.js';
import {mirrorAction} from '../shared/actions/mirror.js';

await runAction(mirrorAction);
