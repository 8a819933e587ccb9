import {availableParallelism} from 'node:os';
import {isAbsolute, resolve} from 'node:path';
import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIdentity} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError} from '../model/errors.js';
import {quoteOutside} from '../model/outside-text.js';
import {checkPlatformList} from '../model/platform-records.js';
import {isMapping, parseStructuredInput} from '../model/structured-input.js';
import {
  CONTAINER_COMMANDS,
  type ContainerCommand,
  checkChangeTags,
  readChangeIdentity,
  readContainerImages
} from './common.js';
import {type InputReader} from './reader.js';

/** Everything the build step needs, validated. */
export interface BuildInputs {
  readonly images: readonly ContainerImage[];
  readonly containerCommand: ContainerCommand;
  readonly containerFilename?: string;
  /** Absolute directory that `context` paths are relative to. */
  readonly workingDirectory: string;
  readonly buildExtraEnv: Readonly<Record<string, string>>;
  readonly parallel: number;
  readonly identity: ChangeIdentity;
  /**
   * A platform job of a distributed build: only these platforms of each entry are built (an
   * entry without `arch`: all of them), one build per platform; empty builds everything here.
   */
  readonly platforms?: readonly string[];
  /** Save each built image as an OCI layout tarball. */
  readonly archive?: boolean;
  /** Squash the layers each build adds into one (podman `--squash`). */
  readonly squash?: boolean;
}

/** Read and validate the build action's inputs. */
export function readBuildInputs(reader: InputReader, ctx: RunnerContext): BuildInputs {
  const images = readContainerImages(reader, true);
  const identity = readChangeIdentity(reader, ctx);
  checkChangeTags(images, identity);
  const containerFilename = reader.string('container-filename');
  // Relative to each context, so `..` may be fine (planBuilds checks the real path); an absolute
  // path or an option-looking one is not: the engine would read it as it stands.
  const fileProblem =
    containerFilename === ''
      ? undefined
      : containerFilename.startsWith('-')
        ? `${quoteOutside(containerFilename)} starts with "-", which the container engine would read as an option`
        : containerFilename.includes('\0') || isAbsolute(containerFilename)
          ? `${quoteOutside(containerFilename)} must be a path relative to each context`
          : undefined;
  if (fileProblem !== undefined) throw new InputError('container-filename', fileProblem);
  const dir = reader.string('working-directory', ctx.workspace);
  const containerCommand = reader.choice('container-command', CONTAINER_COMMANDS, 'docker');
  const squash = reader.boolean('squash', false);
  if (squash && containerCommand !== 'podman') {
    throw new InputError(
      'squash',
      'docker cannot squash layers (BuildKit has no --squash and the classic builder needs an experimental daemon); use container-command: podman'
    );
  }
  return {
    images,
    containerCommand,
    ...(containerFilename !== '' && {containerFilename}),
    workingDirectory: isAbsolute(dir) ? dir : resolve(ctx.workspace, dir),
    buildExtraEnv: readEnvMap(reader.string('build-extra-env'), 'build-extra-env'),
    parallel: reader.positiveInteger('parallel', availableParallelism(), 64),
    identity,
    platforms: checkPlatformList(reader.list('platforms'), 'platforms'),
    archive: reader.boolean('archive', false),
    squash
  };
}

/** A YAML/JSON mapping of environment variables; values must be scalars. */
function readEnvMap(text: string, field: string): Record<string, string> {
  if (text === '') return {};
  const value = parseStructuredInput(text, field);
  if (!isMapping(value)) throw new InputError(field, 'must be a mapping of NAME: value');
  const env: Record<string, string> = {};
  for (const [key, val] of Object.entries(value)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new InputError(`${field}.${key}`, 'is not a valid environment variable name');
    }
    if (typeof val === 'object' && val !== null) {
      throw new InputError(`${field}.${key}`, 'must be a string, number or boolean');
    }
    env[key] = val === null ? '' : String(val);
  }
  return env;
}
