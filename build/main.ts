// Entry of the build action: everything lives in shared/.
import {runAction} from '../shared/runner/run.js';
import {buildAction} from '../shared/commands/build.js';

await runAction(buildAction);
