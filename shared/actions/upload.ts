import {type CommandIO, actionIO} from '../action/io.js';
import {loadCredentials} from '../action/credentials.js';
import {createRegistry} from '../action/registry.js';
import {ImagesFailedError, imagesOutput, summaryTable} from '../build/report.js';
import {ProcessRunner} from '../engine/process-runner.js';
import {readUploadInputs} from '../inputs/upload.js';
import {executeUpload} from '../upload/step.js';

/** The upload command: build, then push change tags (gate), final tags (release) or stage. */
export async function uploadAction(io: CommandIO = actionIO()): Promise<void> {
  const inputs = readUploadInputs(io.reader, io.ctx);
  const credentials = loadCredentials(inputs.registryCredentials, io.env, io.mask);
  const outcome = await executeUpload(inputs, io.ctx, {
    runner: new ProcessRunner(),
    log: io.log,
    env: io.env,
    now: () => new Date(),
    credentials,
    registry: bound => createRegistry(bound, io)
  });
  io.report.output('images', imagesOutput(outcome.results));
  if (outcome.changeIndexDigest) io.report.output('change-index-digest', outcome.changeIndexDigest);
  await io.report.table(summaryTable(`imagegate upload (${outcome.mode})`, outcome.results));
  const failed = outcome.results.filter(r => r.status !== 'built');
  if (failed.length > 0) throw new ImagesFailedError(failed);
}
