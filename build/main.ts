// Entry of the build action: everything lives in shared/.
import {runAction} from '../shared/action/run.js';
import {buildAction} from '../shared/actions/build.js';

await runAction(buildAction);
