import {loadCredentials} from '../action/credentials.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {formatReference, withTag} from '../model/reference.js';
import {readMirrorInputs} from '../inputs/mirror.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {notImplementedYet, printPlan} from './plan.js';

/** The mirror action: copy images between registries, all platforms by default. */
export async function mirrorAction(): Promise<void> {
  const inputs = readMirrorInputs(new InputReader(actionInputSource));
  checkWriteCredentials(
    inputs.mirrors.map(m => ({
      field: m.field,
      registry: m.destinationRegistry,
      repositoryInput: m.destinationInput,
      repository: m.destination
    })),
    loadCredentials(inputs.registryCredentials),
    false
  );
  printPlan(
    `Mirror plan (concurrency ${inputs.concurrency}${inputs.dryRun ? ', dry run' : ''})`,
    inputs.mirrors.map(m => {
      const tags = m.tags.kind === 'list' ? m.tags.tags.join(', ') : `/${m.tags.pattern.source}/`;
      const dest = formatReference(withTag(m.destination, m.destinationTag ?? '<same tag>'));
      return `${m.field}: ${formatReference(m.source)} [${tags}] → ${dest}`;
    })
  );
  notImplementedYet('mirror');
}
