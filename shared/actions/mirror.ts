import * as core from '@actions/core';
import {readRunnerContext} from '../action/context.js';
import {loadCredentials} from '../action/credentials.js';
import {actionLog} from '../action/log.js';
import {createActionRegistry} from '../action/registry.js';
import {writeSummaryTable} from '../action/summary.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {readMirrorInputs} from '../inputs/mirror.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {mirrorImages} from '../mirror/index.js';

/** The mirror action: copy images between registries, all platforms by default. */
export async function mirrorAction(): Promise<void> {
  const inputs = readMirrorInputs(new InputReader(actionInputSource));
  const store = loadCredentials(inputs.registryCredentials);
  // A credential's repository regex restricts where it may write: checked before any copy.
  checkWriteCredentials(
    inputs.mirrors.map(m => ({
      field: m.field,
      registry: m.destinationRegistry,
      repositoryInput: m.destinationInput,
      repository: m.destination
    })),
    store,
    false
  );
  const registry = createActionRegistry(store, readRunnerContext(), {
    concurrency: inputs.concurrency
  });
  try {
    const outcomes = await mirrorImages(registry, inputs.mirrors, {
      dryRun: inputs.dryRun,
      log: actionLog
    });
    core.setOutput('mirrored', JSON.stringify(outcomes));
    await writeSummaryTable(
      'imagegate mirror',
      ['source', 'destination', 'digest', 'result', 'bytes moved'],
      outcomes.map(o => [
        o.source,
        o.destination,
        o.digest ? `\`${o.digest}\`` : '',
        o.error ? `failed: ${o.error}` : o.result,
        String(o.bytes)
      ])
    );
    const failed = outcomes.filter(o => o.result === 'failed');
    if (failed.length > 0) {
      throw new Error(
        `${failed.length} of ${outcomes.length} mirror copies failed: ${failed.map(f => `${f.field} (${f.source} → ${f.destination}): ${f.error}`).join('; ')}`
      );
    }
  } finally {
    registry.close();
  }
}
