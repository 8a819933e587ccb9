// Entry of the buildset-registry action's main step: everything lives in shared/.
import {runAction} from '../shared/action/run.js';
import {buildsetRegistryAction} from '../shared/actions/buildset-registry.js';

await runAction(buildsetRegistryAction);
