import {type RegistryCredential} from '../model/credentials.js';
import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIdentity, changeFromEvent} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {parseDuration} from '../model/duration.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {
  PROMOTE_METHODS,
  type PromoteMethod,
  readContainerImages,
  readIntermediateRegistry
} from './common.js';
import {type TextPattern, builtInPattern, compileUserRegex} from '../model/user-regex.js';
import {type InputReader} from './reader.js';

/** Everything the promote step needs, validated. */
export interface PromoteInputs {
  readonly images: readonly ContainerImage[];
  readonly promoteMethod: PromoteMethod;
  readonly registryCredentials: readonly RegistryCredential[];
  readonly intermediateRegistry?: RegistryLocation;
  /** The identity from the event; a push still needs its merged PR looked up. */
  readonly identity: ChangeIdentity;
  /** The `pipeline` input, when given: without a change, promote its `<pipeline>_` tags. */
  readonly pipeline?: string;
  readonly githubToken: string;
  readonly verifySource: boolean;
  /** Move a final tag even when its image may be of a newer commit (a warning instead). */
  readonly allowDowngrade: boolean;
  readonly cleanup: boolean;
  readonly cleanupAgeMs: number;
  readonly cleanupPattern: TextPattern;
  readonly dryRun: boolean;
}

/** Read and validate the promote action's inputs. */
export function readPromoteInputs(reader: InputReader, ctx: RunnerContext): PromoteInputs {
  const images = readContainerImages(reader, false);
  const promoteMethod = reader.choice('promote-method', PROMOTE_METHODS, 'tag');
  const intermediateRegistry = readIntermediateRegistry(
    reader,
    promoteMethod === 'intermediate-registry',
    'when promote-method is intermediate-registry'
  );
  const pipelineText = reader.string('pipeline');
  const identity = changeFromEvent({
    eventName: ctx.eventName,
    payload: ctx.payload,
    changeInput: reader.string('change'),
    pipelineInput: pipelineText
  });
  // Given, the pipeline selects `<pipeline>_` tags (validated with the identity).
  const pipeline = pipelineText === '' ? undefined : identity.pipeline;
  return {
    images,
    promoteMethod,
    registryCredentials: reader.credentials(),
    ...(intermediateRegistry && {intermediateRegistry}),
    identity,
    ...(pipeline !== undefined && {pipeline}),
    githubToken: reader.string('github-token'),
    verifySource: reader.boolean('verify-source', true),
    allowDowngrade: reader.boolean('allow-downgrade', false),
    cleanup: reader.boolean('cleanup', true),
    cleanupAgeMs: parseDuration(reader.string('cleanup-age', '24h'), 'cleanup-age'),
    cleanupPattern: readPattern(reader.string('cleanup-pattern'), pipeline ?? ''),
    dryRun: reader.boolean('dry-run', false)
  };
}

/**
 * Default: change tags, plus `<pipeline>_` tags when a pipeline prefix is in use. The default
 * is imagegate's own expression (the pipeline name in it escaped to a literal), so it needs no
 * linear-time engine; only a user's pattern does.
 */
function readPattern(text: string, pipeline: string): TextPattern {
  if (text !== '') return compileUserRegex(text, 'cleanup-pattern');
  const source = `^change_[0-9]+_.+$${pipeline ? `|^${escapeRegExp(pipeline)}_.+$` : ''}`;
  return builtInPattern(source);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
