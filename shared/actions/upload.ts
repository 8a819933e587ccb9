import {readRunnerContext} from '../action/context.js';
import {loadCredentials} from '../action/credentials.js';
import {changeTag} from '../model/change.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {formatReference, withTag} from '../model/reference.js';
import {stagedRepository} from '../model/registry-location.js';
import {readUploadInputs} from '../inputs/upload.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {notImplementedYet, printPlan} from './plan.js';

/** The upload action: build, then push change tags (gate) or final tags (release). */
export async function uploadAction(): Promise<void> {
  const ctx = readRunnerContext();
  const inputs = readUploadInputs(new InputReader(actionInputSource), ctx);
  const staging = inputs.promote && inputs.promoteMethod === 'intermediate-registry';
  if (!staging) {
    // Credentials and their repository regexes are checked before anything is built.
    checkWriteCredentials(inputs.images, loadCredentials(inputs.registryCredentials), true);
  }
  printPlan(
    'Upload plan',
    inputs.images.map(image => {
      const targets = image.tags.map(tag => {
        if (!inputs.promote) return formatReference(withTag(image.repository, tag));
        if (staging && inputs.intermediateRegistry) {
          const staged = stagedRepository(inputs.intermediateRegistry, image.repository);
          return formatReference(withTag(staged, `${ctx.runId ?? 'run'}-${ctx.runAttempt}_${tag}`));
        }
        return formatReference(withTag(image.repository, changeTag(inputs.identity, tag)));
      });
      return `${image.field}: build ${image.context}/${image.path}, push ${targets.join(', ')}`;
    })
  );
  notImplementedYet('upload');
}
