import {type MirrorEntry, parseMirrors} from '../model/mirrors.js';
import {Input} from './common.js';
import {type InputReader} from './reader.js';

/** Everything the mirror step needs, validated. */
export interface MirrorInputs {
  readonly mirrors: readonly MirrorEntry[];
  readonly registryCredentials: string;
  readonly concurrency: number;
  readonly dryRun: boolean;
}

/** Read and validate the mirror action's inputs. */
export function readMirrorInputs(reader: InputReader): MirrorInputs {
  return {
    mirrors: parseMirrors(reader.required('mirrors', 'a YAML or JSON list'), 'mirrors'),
    registryCredentials: reader.string(Input.RegistryCredentials),
    concurrency: reader.positiveInteger('concurrency', 8, 64),
    dryRun: reader.boolean(Input.DryRun, false)
  };
}
