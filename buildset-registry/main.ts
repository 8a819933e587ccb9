// Entry of the buildset-registry action's main step: everything lives in shared/.
import {runAction} from '../shared/runner/run.js';
import {buildsetRegistryAction} from '../shared/commands/buildset-registry.js';

await runAction(buildsetRegistryAction);
