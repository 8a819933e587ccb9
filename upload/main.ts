// Entry of the upload action: everything lives in shared/.
import {runAction} from '../shared/runner/run.js';
import {uploadAction} from '../shared/commands/upload.js';

await runAction(uploadAction);
