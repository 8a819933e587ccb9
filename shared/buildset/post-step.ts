import {existsSync} from 'node:fs';
import {readFile, rm} from 'node:fs/promises';
import {type RunnerContext} from '../model/runner-context.js';
import {readSourceFacts} from '../build/source.js';
import {readChangeIndex, writeChangeIndex} from '../change-index/store.js';
import {parseRepoName} from '../github/changes.js';
import {type ChangeIdentity} from '../model/change.js';
import {errorMessage} from '../model/errors.js';
import {parseRegistryLocation} from '../model/registry-location.js';
import {buildxRemoveArgs} from './configure/buildx.js';
import {removeContainer} from './start/container.js';
import {dropMirror} from './configure/docker-reload.js';
import {type BuildsetDeps} from './deps.js';
import {restoreEdits} from './configure/file-edits.js';
import {systemFs} from './system-fs.js';
import {publishBuiltImages} from './publish/publish.js';
import {REGISTRY_USER} from './start/secrets.js';
import {saveShare} from './share/share-save.js';
import {type BuildsetState, loadBuildsetState} from './state.js';

/** How post learned whether the job succeeded. */
export type JobOutcome = 'success' | 'failure' | 'unknown';

export interface PostRequest {
  readonly identity: ChangeIdentity;
  /** Whether the job succeeded so far (see jobOutcome in the action glue). */
  readonly jobOutcome: () => Promise<JobOutcome>;
}

/**
 * The post step: publish this job's images when the job succeeded, then stop the registry,
 * save the share, put every file back and remove the builder. Cleanup always runs in full; its
 * problems and a failed publish are reported together at the end.
 */
export async function buildsetPost(
  ctx: RunnerContext,
  deps: BuildsetDeps,
  req: PostRequest
): Promise<void> {
  const state = loadBuildsetState(deps.state);
  if (!state) {
    deps.log.info('The main step created nothing; nothing to clean up');
    return;
  }
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      problems.push(`${what}: ${errorMessage(e)}`);
    }
  };
  const password =
    state.passwordFile && existsSync(state.passwordFile)
      ? await readFile(state.passwordFile, 'utf8')
      : undefined;
  if (password) deps.mask(password);

  if (state.sharePart) {
    deps.log.info(
      `Part ${state.sharePart} of a distributed build: the job that restores the parts merges and publishes them`
    );
  } else if (state.mainCompleted && state.intermediate && password) {
    await attempt('publishing to the intermediate registry', () =>
      publish(ctx, deps, req, state, password)
    );
  }
  for (const name of state.containers) {
    await attempt(`removing container ${name}`, () =>
      removeContainer(deps.runner, state.engine, name)
    );
  }
  if (state.share === 'save' && state.mainCompleted) {
    await attempt('share: save', () => saveShare(ctx, deps, state));
  }
  const restored = await restoreEdits(state.edits, systemFs(deps.runner));
  problems.push(...restored.map(p => `restoring ${p}`));
  if (state.dockerMirror) {
    const mirror = state.dockerMirror;
    await attempt('reloading dockerd', () => dropMirror(deps, mirror));
  }
  if (state.builder) {
    await attempt(`removing builder ${state.builder}`, async () => {
      const result = await deps.runner.run({command: 'docker', args: buildxRemoveArgs()});
      if (result.code !== 0) throw new Error(result.stderr.trim());
    });
  }
  await attempt(`removing ${state.rootDir}`, () =>
    rm(state.rootDir, {recursive: true, force: true})
  );
  if (problems.length > 0) throw new Error(problems.join('; '));
  deps.log.info('Buildset registry removed; configuration restored');
}

async function publish(
  ctx: RunnerContext,
  deps: BuildsetDeps,
  req: PostRequest,
  state: BuildsetState,
  password: string
): Promise<void> {
  const outcome = await req.jobOutcome();
  if (outcome !== 'success') {
    deps.log.info(
      outcome === 'failure'
        ? 'The job failed: nothing is pushed to the intermediate registry'
        : 'Cannot tell whether the job succeeded (set IMAGEGATE_JOB_STATUS or grant actions: read): nothing is pushed'
    );
    return;
  }
  const repo = parseRepoName(ctx.repository);
  const change = req.identity.change;
  if (!repo || change === undefined || !state.snapshotFile || !state.registry || !state.caCert) {
    deps.log.info('No pull request: the change index needs one, so nothing is published');
    return;
  }
  const location = parseRegistryLocation(state.intermediate as string, 'intermediate-registry');
  // The checkout the job built from: the same facts build put on the labels and upload records.
  const facts = await readSourceFacts(deps.runner, {
    workingDirectory: ctx.workspace,
    identity: req.identity,
    ...(ctx.repository && {repository: ctx.repository}),
    serverUrl: ctx.serverUrl,
    now: deps.now()
  });
  const caCert = await readFile(state.caCert, 'utf8');
  const registry = deps.registry({
    registry: state.registry,
    username: REGISTRY_USER,
    password,
    caCert
  });
  try {
    await deps.log.group('Publishing the images built in this job', () =>
      publishBuiltImages(
        {
          registry,
          log: deps.log,
          readIndex: key => readChangeIndex(registry, location, key),
          writeIndex: index => writeChangeIndex(registry, location, index),
          now: deps.now,
          ...(deps.checkWrites && {checkWrites: deps.checkWrites})
        },
        {
          storageDir: state.storageDir,
          snapshotFile: state.snapshotFile as string,
          buildset: state.registry as string,
          namespaces: state.namespaces,
          intermediate: location,
          change: {...repo, change},
          source: facts,
          runId: ctx.runId ?? 'local',
          runAttempt: ctx.runAttempt
        }
      )
    );
  } finally {
    registry.close();
  }
}
