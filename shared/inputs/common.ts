import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIdentity, changeFromEvent, changeTag} from '../model/change.js';
import {type ContainerImage, parseContainerImages} from '../model/container-images.js';
import {InputError, InputErrors} from '../model/errors.js';
import {type RegistryLocation, parseRegistryLocation} from '../model/registry-location.js';
import {type InputReader} from './reader.js';

/** Input names shared by several actions, spelled as in action.yml. */
export const PROMOTE_METHODS = ['tag', 'intermediate-registry'] as const;
export type PromoteMethod = (typeof PROMOTE_METHODS)[number];
export const CONTAINER_COMMANDS = ['docker', 'podman'] as const;
export type ContainerCommand = (typeof CONTAINER_COMMANDS)[number];

/** The `container-images` input, parsed and validated. */
export function readContainerImages(
  reader: InputReader,
  requireContext: boolean
): ContainerImage[] {
  const text = reader.required('container-images', 'a YAML or JSON list of images');
  return parseContainerImages(text, {
    field: 'container-images',
    requireContext,
    warn: (field, message) => reader.warn(`${field}: ${message}`)
  });
}

/** The change identity from the event, with the `change` and `pipeline` overrides. */
export function readChangeIdentity(reader: InputReader, ctx: RunnerContext): ChangeIdentity {
  return changeFromEvent({
    eventName: ctx.eventName,
    payload: ctx.payload,
    changeInput: reader.string('change'),
    pipelineInput: reader.string('pipeline')
  });
}

/** Check that every temporary tag fits the 128-character limit; errors name the tag's field. */
export function checkChangeTags(
  images: readonly ContainerImage[],
  identity: Pick<ChangeIdentity, 'change' | 'pipeline'>
): void {
  const errors: InputError[] = [];
  for (const image of images) {
    image.tags.forEach((tag, i) => {
      try {
        changeTag(identity, tag, `${image.field}.tags[${i}]`);
      } catch (e) {
        if (e instanceof InputError) errors.push(e);
        else throw e;
      }
    });
  }
  if (errors.length > 0) throw new InputErrors(errors);
}

/** `intermediate-registry`, required when `required` is true. */
export function readIntermediateRegistry(
  reader: InputReader,
  required: boolean,
  why: string
): RegistryLocation | undefined {
  const text = reader.string('intermediate-registry');
  if (text === '') {
    if (required) throw new InputError('intermediate-registry', `is required ${why}`);
    return undefined;
  }
  return parseRegistryLocation(text, 'intermediate-registry');
}
