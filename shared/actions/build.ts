import * as core from '@actions/core';
import {readRunnerContext} from '../action/context.js';
import {actionLog} from '../action/log.js';
import {writeSummaryTable} from '../action/summary.js';
import {ImagesFailedError, SUMMARY_HEADER, imagesOutput, summaryRows} from '../build/report.js';
import {executeBuild} from '../build/run.js';
import {ProcessRunner} from '../engine/process-runner.js';
import {readBuildInputs} from '../inputs/build.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';

/** The build action: build every image of `container-images` (check pipeline). */
export async function buildAction(): Promise<void> {
  const ctx = readRunnerContext();
  const inputs = readBuildInputs(new InputReader(actionInputSource), ctx);
  const run = await executeBuild(inputs, ctx, {
    runner: new ProcessRunner(),
    log: actionLog,
    env: process.env,
    now: () => new Date()
  });
  run.engine.dispose();
  core.setOutput('images', JSON.stringify(imagesOutput(run.results)));
  // The CLI reuses this without a runner's summary file.
  if (process.env.GITHUB_STEP_SUMMARY) {
    await writeSummaryTable('imagegate build', SUMMARY_HEADER, summaryRows(run.results));
  }
  const failed = run.results.filter(r => r.status !== 'built');
  if (failed.length > 0) throw new ImagesFailedError(failed);
}
