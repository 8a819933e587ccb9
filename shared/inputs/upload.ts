import {type RegistryCredential} from '../model/credentials.js';
import {type RunnerContext} from '../model/runner-context.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {type BuildInputs, readBuildInputs} from './build.js';
import {PROMOTE_METHODS, type PromoteMethod, readIntermediateRegistry} from './common.js';
import {type InputReader} from './reader.js';

/** Everything the upload step needs, validated. */
export interface UploadInputs extends BuildInputs {
  readonly registryCredentials: readonly RegistryCredential[];
  /** true: push temporary change tags (gate); false: push final tags (release). */
  readonly promote: boolean;
  readonly promoteMethod: PromoteMethod;
  readonly intermediateRegistry?: RegistryLocation;
}

/** Read and validate the upload action's inputs. */
export function readUploadInputs(reader: InputReader, ctx: RunnerContext): UploadInputs {
  const build = readBuildInputs(reader, ctx);
  const promote = reader.boolean('promote', true);
  const promoteMethod = reader.choice('promote-method', PROMOTE_METHODS, 'tag');
  const intermediateRegistry = readIntermediateRegistry(
    reader,
    promote && promoteMethod === 'intermediate-registry',
    'when promote-method is intermediate-registry'
  );
  return {
    ...build,
    registryCredentials: reader.credentials(),
    promote,
    promoteMethod,
    ...(intermediateRegistry && {intermediateRegistry})
  };
}
