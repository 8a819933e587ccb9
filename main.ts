// Entry of the root action (`uses: owner/imagegate@v1` with `command:`).
import {runAction} from './shared/action/run.js';
import {dispatchAction} from './shared/actions/dispatch.js';

await runAction(dispatchAction);
