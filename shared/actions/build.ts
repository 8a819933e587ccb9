import {readRunnerContext} from '../action/context.js';
import {changeTag} from '../model/change.js';
import {formatReference, withTag} from '../model/reference.js';
import {readBuildInputs} from '../inputs/build.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {notImplementedYet, printPlan} from './plan.js';

/** The build action: build every image of `container-images` (check pipeline). */
export async function buildAction(): Promise<void> {
  const inputs = readBuildInputs(new InputReader(actionInputSource), readRunnerContext());
  printPlan(
    `Build plan (${inputs.containerCommand}, parallel ${inputs.parallel})`,
    inputs.images.map(image => {
      const tags = image.tags.flatMap(tag => [tag, changeTag(inputs.identity, tag)]);
      const names = tags.map(t => formatReference(withTag(image.repository, t)));
      return `${image.field}: build ${image.context}/${image.path} → ${names.join(', ')}`;
    })
  );
  notImplementedYet('build');
}
