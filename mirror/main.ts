// Entry of the mirror action: everything lives in shared/.
import {runAction} from '../shared/runner/run.js';
import {mirrorAction} from '../shared/commands/mirror.js';

await runAction(mirrorAction);
