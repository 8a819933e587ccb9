// Entry of the buildset-registry action's post step (runs even when the job failed).
import {runAction} from '../shared/action/run.js';
import {buildsetRegistryPost} from '../shared/actions/buildset-registry.js';

await runAction(buildsetRegistryPost);
