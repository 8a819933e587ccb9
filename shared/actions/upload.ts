import * as core from '@actions/core';
import {readRunnerContext} from '../action/context.js';
import {loadCredentials} from '../action/credentials.js';
import {actionLog} from '../action/log.js';
import {createActionRegistry} from '../action/registry.js';
import {writeSummaryTable} from '../action/summary.js';
import {ImagesFailedError, SUMMARY_HEADER, imagesOutput, summaryRows} from '../build/report.js';
import {ProcessRunner} from '../engine/process-runner.js';
import {readUploadInputs} from '../inputs/upload.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {executeUpload} from '../upload/step.js';

/** The upload action: build, then push change tags (gate), final tags (release) or stage. */
export async function uploadAction(): Promise<void> {
  const ctx = readRunnerContext();
  const inputs = readUploadInputs(new InputReader(actionInputSource), ctx);
  const credentials = loadCredentials(inputs.registryCredentials);
  const outcome = await executeUpload(inputs, ctx, {
    runner: new ProcessRunner(),
    log: actionLog,
    env: process.env,
    now: () => new Date(),
    credentials,
    registry: () => createActionRegistry(credentials, ctx)
  });
  core.setOutput('images', JSON.stringify(imagesOutput(outcome.results)));
  if (outcome.changeIndexDigest) core.setOutput('change-index-digest', outcome.changeIndexDigest);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await writeSummaryTable(
      `imagegate upload (${outcome.mode})`,
      SUMMARY_HEADER,
      summaryRows(outcome.results)
    );
  }
  const failed = outcome.results.filter(r => r.status !== 'built');
  if (failed.length > 0) throw new ImagesFailedError(failed);
}
