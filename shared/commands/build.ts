import {type CommandIO, actionIO} from '../runner/io.js';
import {reportBuild} from '../build/outputs.js';
import {ImagesFailedError} from '../build/report.js';
import {executeBuild} from '../build/run.js';
import {ProcessRunner} from '../engine/process-runner.js';
import {readBuildInputs} from '../inputs/build.js';

/** The build command: build every image of `container-images` (check pipeline). */
export async function buildAction(io: CommandIO = actionIO()): Promise<void> {
  const inputs = readBuildInputs(io.reader, io.ctx);
  const run = await executeBuild(inputs, io.ctx, {
    runner: new ProcessRunner(),
    log: io.log,
    env: io.env,
    now: () => new Date()
  });
  await run.engine.dispose();
  await reportBuild(io.report, 'imagegate build', run.results, {
    ...run,
    profile: run.engine.profile
  });
  const failed = run.results.filter(r => r.status !== 'built');
  if (failed.length > 0) throw new ImagesFailedError(failed);
}
