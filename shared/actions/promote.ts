import {readRunnerContext} from '../action/context.js';
import {loadCredentials} from '../action/credentials.js';
import {changeTag} from '../model/change.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {formatReference, withTag} from '../model/reference.js';
import {checkChangeTags} from '../inputs/common.js';
import {readPromoteInputs} from '../inputs/promote.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {notImplementedYet, printPlan} from './plan.js';

/** The promote action: move the merged change's staged images to their final tags. */
export async function promoteAction(): Promise<void> {
  const inputs = readPromoteInputs(new InputReader(actionInputSource), readRunnerContext());
  checkChangeTags(inputs.images, inputs.identity);
  checkWriteCredentials(inputs.images, loadCredentials(inputs.registryCredentials), false);
  printPlan(
    `Promote plan (method ${inputs.promoteMethod}${inputs.dryRun ? ', dry run' : ''})`,
    inputs.images.flatMap(image =>
      image.tags.map(tag => {
        const final = formatReference(withTag(image.repository, tag));
        const source = changeTag(inputs.identity, tag);
        return `${image.field}: ${source} → ${final}`;
      })
    )
  );
  notImplementedYet('promote');
}
