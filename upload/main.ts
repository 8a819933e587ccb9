// Entry of the upload action: everything lives in shared/.
import {runAction} from '../shared/action/run.js';
import {uploadAction} from '../shared/actions/upload.js';

await runAction(uploadAction);
