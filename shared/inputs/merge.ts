import {type RegistryCredential} from '../model/credentials.js';
import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIdentity} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError} from '../model/errors.js';
import {checkPlatformList} from '../model/platform-records.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {
  PROMOTE_METHODS,
  type PromoteMethod,
  checkChangeTags,
  readChangeIdentity,
  readContainerImages,
  readIntermediateRegistry
} from './common.js';
import {type InputReader} from './reader.js';

/** Everything the merge step needs, validated. */
export interface MergeInputs {
  readonly images: readonly ContainerImage[];
  readonly registryCredentials: readonly RegistryCredential[];
  /** As upload's: true merges under change tags (gate), false under the final tags (release). */
  readonly promote: boolean;
  readonly promoteMethod: PromoteMethod;
  readonly intermediateRegistry?: RegistryLocation;
  /** Merge in the active buildset registry (check pipeline) instead. */
  readonly buildset: boolean;
  /** The run's platforms: what an entry without `arch` is built for. */
  readonly platforms: readonly string[];
  /** Platforms that may be missing (a warning); the index is written without them. */
  readonly optionalPlatforms: readonly string[];
  /** The commit every platform image must have been built from, when given. */
  readonly revision?: string;
  readonly identity: ChangeIdentity;
}

const REVISION_RE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Read and validate the merge action's inputs. */
export function readMergeInputs(reader: InputReader, ctx: RunnerContext): MergeInputs {
  const images = readContainerImages(reader, false);
  const identity = readChangeIdentity(reader, ctx);
  checkChangeTags(images, identity);
  const promote = reader.boolean('promote', true);
  const promoteMethod = reader.choice('promote-method', PROMOTE_METHODS, 'tag');
  const buildset = reader.boolean('buildset', false);
  const intermediateRegistry = readIntermediateRegistry(
    reader,
    !buildset && promote && promoteMethod === 'intermediate-registry',
    'when promote-method is intermediate-registry'
  );
  const revision = reader.string('revision');
  if (revision !== '' && !REVISION_RE.test(revision)) {
    throw new InputError('revision', `"${revision}" is not a full commit id (40 hex digits)`);
  }
  return {
    images,
    registryCredentials: reader.credentials(),
    promote,
    promoteMethod,
    ...(intermediateRegistry && {intermediateRegistry}),
    buildset,
    platforms: checkPlatformList(reader.list('platforms'), 'platforms'),
    optionalPlatforms: checkPlatformList(reader.list('optional-platforms'), 'optional-platforms'),
    ...(revision !== '' && {revision}),
    identity
  };
}
