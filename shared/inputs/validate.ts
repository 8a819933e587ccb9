import {isAbsolute, resolve} from 'node:path';
import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIdentity} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError, InputErrors} from '../model/errors.js';
import {type MirrorEntry, parseMirrors} from '../model/mirrors.js';
import {
  CONTAINER_COMMANDS,
  type ContainerCommand,
  checkChangeTags,
  readChangeIdentity,
  readContainerImages
} from './common.js';
import {type InputReader} from './reader.js';

/** The lists to check and what checking them needs; at least one list is given. */
export interface ValidateInputs {
  readonly images?: readonly ContainerImage[];
  readonly mirrors?: readonly MirrorEntry[];
  readonly containerFilename?: string;
  readonly containerCommand: ContainerCommand;
  readonly workingDirectory: string;
  readonly checkContexts: boolean;
  readonly identity: ChangeIdentity;
}

/**
 * Read the validate inputs. Unlike the other commands it collects the problems of both lists
 * (and of the change tags) before throwing, so one run shows everything to fix.
 */
export function readValidateInputs(reader: InputReader, ctx: RunnerContext): ValidateInputs {
  const hasImages = reader.string('container-images') !== '';
  const hasMirrors = reader.string('mirrors') !== '';
  if (!hasImages && !hasMirrors) {
    throw new InputError('container-images', 'give container-images, mirrors or both to check');
  }
  const errors: InputError[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (e instanceof InputErrors) errors.push(...e.errors);
      else if (e instanceof InputError) errors.push(e);
      else throw e;
      return undefined;
    }
  };
  const identity = readChangeIdentity(reader, ctx);
  const images = hasImages ? collect(() => readContainerImages(reader, true)) : undefined;
  if (images) collect(() => checkChangeTags(images, identity));
  const mirrors = hasMirrors
    ? collect(() => parseMirrors(reader.required('mirrors'), 'mirrors'))
    : undefined;
  if (errors.length > 0) throw new InputErrors(errors);
  const containerFilename = reader.string('container-filename');
  const dir = reader.string('working-directory', ctx.workspace);
  return {
    ...(images && {images}),
    ...(mirrors && {mirrors}),
    ...(containerFilename !== '' && {containerFilename}),
    containerCommand: reader.choice('container-command', CONTAINER_COMMANDS, 'docker'),
    workingDirectory: isAbsolute(dir) ? dir : resolve(ctx.workspace, dir),
    checkContexts: reader.boolean('check-contexts', false),
    identity
  };
}
