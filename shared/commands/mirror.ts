import {loadCredentials} from '../runner/credentials.js';
import {type CommandIO, actionIO} from '../runner/io.js';
import {createRegistry} from '../runner/registry.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {readMirrorInputs} from '../inputs/mirror.js';
import {mirrorImages} from '../mirror/index.js';

/** The mirror command: copy images between registries, all platforms by default. */
export async function mirrorAction(io: CommandIO = actionIO()): Promise<void> {
  const inputs = readMirrorInputs(io.reader);
  const store = loadCredentials(inputs.registryCredentials, io.env, io.mask);
  // A credential's repository regex restricts where it may write: checked before any copy, on
  // the destination actually contacted (dest_registry only names the credential).
  const credentials = checkWriteCredentials(
    inputs.mirrors.map(m => ({
      field: `${m.field}.dest_repository`,
      repository: m.destination,
      repositoryInput: m.destinationInput,
      ...(m.destinationRegistry !== undefined && {
        credentialKey: m.destinationRegistry,
        credentialField: `${m.field}.dest_registry`
      })
    })),
    store,
    false
  );
  const registry = createRegistry(credentials, io, {concurrency: inputs.concurrency});
  // Tags are mirrored at once, each a source read beside a destination read.
  const parallel = inputs.mirrors.reduce(
    (n, m) => n + (m.tags.kind === 'list' ? m.tags.tags.length : 1),
    0
  );
  registry.warmUp(
    inputs.mirrors.flatMap(m => [m.source.registry, m.destination.registry]),
    parallel
  );
  try {
    const outcomes = await mirrorImages(registry, inputs.mirrors, {
      dryRun: inputs.dryRun,
      log: io.log
    });
    io.report.output('mirrored', outcomes);
    await io.report.table({
      heading: 'imagegate mirror',
      header: ['source', 'destination', 'digest', 'result', 'bytes moved'],
      rows: outcomes.map(o => [
        {code: o.source},
        {code: o.destination},
        {code: o.digest ?? ''},
        o.error ? `failed: ${o.error}` : o.result,
        String(o.bytes)
      ])
    });
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
