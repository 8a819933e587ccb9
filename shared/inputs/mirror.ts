import {type RegistryCredential} from '../model/credentials.js';
import {type MirrorEntry, parseMirrors} from '../model/mirrors.js';
import {type InputReader} from './reader.js';

/** Everything the mirror step needs, validated. */
export interface MirrorInputs {
  readonly mirrors: readonly MirrorEntry[];
  readonly registryCredentials: readonly RegistryCredential[];
  readonly concurrency: number;
  readonly dryRun: boolean;
}

/** Read and validate the mirror action's inputs. */
export function readMirrorInputs(reader: InputReader): MirrorInputs {
  return {
    mirrors: parseMirrors(reader.required('mirrors', 'a YAML or JSON list'), 'mirrors'),
    registryCredentials: reader.credentials(),
    concurrency: reader.positiveInteger('concurrency', 8, 64),
    dryRun: reader.boolean('dry-run', false)
  };
}
