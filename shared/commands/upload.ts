import {type CommandIO, actionIO} from '../runner/io.js';
import {loadCredentials} from '../runner/credentials.js';
import {createRegistry} from '../runner/registry.js';
import {reportBuild} from '../build/outputs.js';
import {ImagesFailedError} from '../build/report.js';
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
  if (outcome.changeIndexDigest) io.report.output('change-index-digest', outcome.changeIndexDigest);
  const kind = inputs.platforms?.length ? `${outcome.mode}, platform records` : outcome.mode;
  await reportBuild(io.report, `imagegate upload (${kind})`, outcome.results, {
    ...outcome.build,
    profile: outcome.build.engine.profile
  });
  const failed = outcome.results.filter(r => r.status !== 'built');
  if (failed.length > 0) throw new ImagesFailedError(failed);
}
