import {type RunnerContext} from '../model/runner-context.js';
import {type BuildDeps, type BuildRun, executeBuild} from '../build/run.js';
import {type ImageResult} from '../build/step.js';
import {type UploadInputs} from '../inputs/upload.js';
import {changeIndexLocation} from '../change-index/format.js';
import {parseRepoName} from '../github/changes.js';
import {
  type CredentialStore,
  type WriteTarget,
  checkWriteCredentials
} from '../model/credentials.js';
import {InputError, errorMessage} from '../model/errors.js';
import {parseReference} from '../model/reference.js';
import {stagedRepository} from '../model/registry-location.js';
import {type Registry} from '../registry/index.js';
import {recordAndLog} from '../staging/store.js';
import {type StagedPush, recordChangeIndex} from './change-index.js';
import {recordPlace, recordTarget, removeRecords} from './platform-push.js';
import {type PushTarget, type UploadMode, hostOf, pushTargets} from './targets.js';

/** Side effects of an upload: the build's, plus credentials and the registry client. */
export interface UploadDeps extends BuildDeps {
  readonly credentials: CredentialStore;
  /**
   * The registry client over these credentials (each written host bound to the credential its
   * image names): change index, temporary per-platform tags (created when needed).
   */
  readonly registry: (credentials: CredentialStore) => Registry;
}

/** What an upload did: every image's result (pushes included) and the change index digest. */
export interface UploadOutcome {
  readonly mode: UploadMode;
  readonly results: readonly ImageResult[];
  readonly changeIndexDigest?: string;
  /** The build behind it (details for the build records). */
  readonly build: BuildRun;
}

/** The upload mode the inputs select. */
export function uploadMode(inputs: UploadInputs): UploadMode {
  if (!inputs.promote) return 'release';
  return inputs.promoteMethod === 'tag' ? 'tag' : 'intermediate';
}

/**
 * Check credentials, log in, build everything, then push: nothing is pushed unless every image
 * built. In intermediate mode the change index is written once every push succeeded.
 */
export async function executeUpload(
  inputs: UploadInputs,
  ctx: RunnerContext,
  deps: UploadDeps
): Promise<UploadOutcome> {
  const mode = uploadMode(inputs);
  const change = inputs.identity.change;
  if (mode === 'intermediate' && change === undefined) {
    throw new InputError(
      'change',
      'promote-method intermediate-registry stages images per change, but this run has no pull request (set the change input)'
    );
  }
  // Zuul's checks, before anything is built, on every repository this upload writes: credentials
  // exist (except for the intermediate registry) and their regexes allow what is contacted.
  const credentials = checkWriteCredentials(
    writeTargets(inputs, ctx),
    deps.credentials,
    mode !== 'intermediate'
  );
  const targetCtx = {
    mode,
    identity: inputs.identity,
    ...(inputs.intermediateRegistry && {intermediate: inputs.intermediateRegistry}),
    runId: ctx.runId ?? 'local',
    runAttempt: ctx.runAttempt
  };
  const targets = new Map(inputs.images.map(image => [image, pushTargets(image, targetCtx)]));
  const hosts = [...new Set([...targets.values()].flat().map(t => hostOf(t.ref)))];
  let registry: Registry | undefined;
  const engineRegistry = (): Registry => (registry ??= deps.registry(credentials));
  const removeTag = async (ref: string): Promise<void> => {
    const parsed = parseReference(ref);
    if (parsed.tag !== undefined) await engineRegistry().deleteTag({...parsed, tag: parsed.tag});
  };
  const writeIndex = async (
    target: string,
    members: readonly {digest: string; platform: string}[]
  ): Promise<string> => {
    const parsed = parseReference(target);
    return engineRegistry().putIndex({...parsed, tag: parsed.tag ?? 'latest'}, members);
  };
  const run = await executeBuild(
    inputs,
    ctx,
    {...deps, removeTag, writeIndex},
    {
      pushTargets: plan => (targets.get(plan.image) ?? []).map(t => t.ref),
      beforeBuild: async engine => {
        for (const host of hosts) {
          const credential = credentials.find(host);
          if (credential) await engine.login(host, credential.username, credential.password);
        }
      }
    }
  );
  // A platform job pushes each build under its record tag only; the merge writes the tags.
  const platformJob = (inputs.platforms ?? []).length > 0;
  const place = recordPlace(mode, inputs.intermediateRegistry);
  const targetsOf = (result: ImageResult): PushTarget[] =>
    platformJob ? [recordTarget(result.plan, place)] : (targets.get(result.plan.image) ?? []);
  try {
    if (run.results.some(r => r.status !== 'built')) {
      deps.log.warning('Nothing was pushed: every image must build before upload pushes any');
      return {mode, results: run.results, build: run};
    }
    const results: ImageResult[] = [];
    const staged: StagedPush[] = [];
    for (const result of run.results) {
      const pushed = [...result.pushed];
      try {
        for (const target of targetsOf(result)) {
          const digest = await deps.log.group(`Pushing ${target.ref}`, () =>
            run.engine.push(result.built!, target.ref, line => deps.log.info(line))
          );
          deps.log.info(`Pushed ${target.ref}@${digest}`);
          pushed.push({ref: target.ref, digest});
          staged.push({...target, digest});
        }
        results.push({...result, pushed});
      } catch (error) {
        results.push({
          ...result,
          pushed,
          status: 'failed',
          error: `push failed: ${errorMessage(error)}`
        });
      }
    }
    if (platformJob && results.some(r => r.status !== 'built')) {
      await removeRecords(
        engineRegistry(),
        staged.map(s => s.ref),
        deps.log
      );
      return {mode, results, build: run};
    }
    // Platform records are temporary tags too: cleanup ages the ones no merge removed.
    if (mode !== 'release' || platformJob)
      await recordAndLog(
        engineRegistry(),
        staged,
        deps.now(),
        {id: targetCtx.runId, attempt: targetCtx.runAttempt},
        deps.log
      );
    if (platformJob) {
      deps.log.info('Platform records pushed; the merge writes the tags once every platform is in');
      return {mode, results, build: run};
    }
    if (mode !== 'intermediate' || results.some(r => r.status !== 'built'))
      return {mode, results, build: run};
    const changeIndexDigest = await recordChangeIndex(
      engineRegistry(),
      inputs.intermediateRegistry!,
      staged,
      {
        repository: ctx.repository ?? 'unknown/unknown',
        change: change as number,
        runId: targetCtx.runId,
        runAttempt: ctx.runAttempt,
        facts: run.facts,
        now: deps.now()
      }
    );
    deps.log.info(`Wrote the change index (${changeIndexDigest})`);
    return {mode, results, changeIndexDigest, build: run};
  } finally {
    await run.engine.dispose();
    registry?.close();
  }
}

/**
 * The repositories an upload writes: the images' own (change or final tags), or in intermediate
 * mode their staged names and the change index in the intermediate registry.
 */
function writeTargets(inputs: UploadInputs, ctx: RunnerContext): WriteTarget[] {
  const location = inputs.intermediateRegistry;
  if (uploadMode(inputs) !== 'intermediate' || location === undefined) {
    return inputs.images.map(image => ({
      field: `${image.field}.repository`,
      repository: image.repository,
      repositoryInput: image.repositoryInput,
      credentialKey: image.registry,
      credentialField: `${image.field}.registry`
    }));
  }
  const field = 'intermediate-registry';
  const repo = parseRepoName(ctx.repository) ?? {owner: 'unknown', repo: 'unknown'};
  const index = changeIndexLocation(location, {...repo, change: inputs.identity.change ?? 0});
  return [
    ...inputs.images.map(image => ({
      field,
      repository: stagedRepository(location, image.repository)
    })),
    {field, repository: {registry: index.registry, repository: index.repository}}
  ];
}
