// Entry of the buildset-registry action's post step (runs even when the job failed).
import {runAction} from '../shared/runner/run.js';
import {buildsetRegistryPost} from '../shared/commands/buildset-registry.js';

await runAction(buildsetRegistryPost);
