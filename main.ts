// Entry of the root action (`uses: owner/imagegate@v1` with `command:`).
import {runAction} from './shared/runner/run.js';
import {dispatchAction} from './shared/commands/dispatch.js';

await runAction(dispatchAction);
