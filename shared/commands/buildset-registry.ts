import * as core from '@actions/core';
import {readFileSync} from 'node:fs';
import {type RunnerContext} from '../model/runner-context.js';
import {loadCredentials} from '../runner/credentials.js';
import {type CommandIO, actionIO} from '../runner/io.js';
import {REGISTRY_CA_ENV} from '../runner/registry.js';
import {hostAddresses} from '../buildset/start/addresses.js';
import {type BuildsetDeps} from '../buildset/deps.js';
import {dockerSocket} from '../buildset/start/docker-socket.js';
import {SystemDockerDaemon} from '../buildset/configure/dockerd.js';
import {buildsetMain} from '../buildset/main-step.js';
import {pathsUnder, systemPaths} from '../buildset/paths.js';
import {type JobOutcome, buildsetPost} from '../buildset/post-step.js';
import {cacheBackend, directoryBackend} from '../buildset/share/share.js';
import {ProcessRunner} from '../engine/process-runner.js';
import {parseRepoName} from '../github/changes.js';
import {GitHubClient} from '../github/client.js';
import {currentJobFailed} from '../github/job-status.js';
import {type StateStore} from '../buildset/state.js';
import {
  type BuildsetRegistryInputs,
  readBuildsetRegistryInputs
} from '../inputs/buildset-registry.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {errorMessage} from '../model/errors.js';
import {proxyFromEnv} from '../model/proxy-env.js';
import {Registry} from '../registry/index.js';

/** Moves every /etc-style path under this directory (tests, rootless machines). */
export const CONFIG_ROOT_ENV = 'IMAGEGATE_BUILDSET_CONFIG_ROOT';
/** Share through this directory instead of the Actions cache (tests, self-hosted runners). */
export const SHARE_DIR_ENV = 'IMAGEGATE_BUILDSET_SHARE_DIR';
/** `success`/`failure`/`cancelled` (e.g. `${{ job.status }}` from a last step): overrides the API. */
export const JOB_STATUS_ENV = 'IMAGEGATE_JOB_STATUS';

/** What differs between the action and the CLI beyond CommandIO: main→post state, env export. */
export interface BuildsetFace {
  readonly state: StateStore;
  readonly exportVariable: (name: string, value: string) => void;
}

/** The runner's face: `core.saveState`/`getState` and GITHUB_ENV. */
export function actionFace(): BuildsetFace {
  return {
    state: {save: (name, value) => core.saveState(name, value), get: name => core.getState(name)},
    exportVariable
  };
}

function buildsetDeps(
  inputs: BuildsetRegistryInputs,
  io: CommandIO,
  face: BuildsetFace
): BuildsetDeps {
  const {env, ctx} = io;
  const runner = new ProcessRunner();
  const paths = env[CONFIG_ROOT_ENV] ? pathsUnder(env[CONFIG_ROOT_ENV], env) : systemPaths(env);
  const store = loadCredentials(inputs.registryCredentials, env, io.mask);
  const extraCas = (env[REGISTRY_CA_ENV] ?? '').split(',').filter(f => f.trim() !== '');
  const {apiUrl} = ctx;
  const github = () =>
    apiUrl
      ? new GitHubClient({apiUrl, ...(inputs.githubToken && {token: inputs.githubToken})})
      : undefined;
  return {
    runner,
    env,
    paths,
    log: io.log,
    state: face.state,
    mask: io.mask,
    setOutput: (name, value) => io.report.output(name, value),
    exportVariable: face.exportVariable,
    dockerd: new SystemDockerDaemon(runner, paths.dockerPidFile, 'docker', dockerSocket(env)),
    share: () =>
      env[SHARE_DIR_ENV]
        ? directoryBackend(env[SHARE_DIR_ENV])
        : cacheBackend(() => import('@actions/cache')),
    registry: access =>
      new Registry({
        credentials: host =>
          host === access.registry
            ? {username: access.username, password: access.password}
            : store.lookup(host),
        ca: [access.caCert, ...extraCas.map(f => readFileSync(f.trim(), 'utf8'))],
        // The buildset registry runs on this machine: never through a proxy.
        proxy: url => (url.host === access.registry ? undefined : proxyFromEnv(env)(url)),
        logger: {debug: io.debug, info: m => io.log.info(m), warning: m => io.log.warning(m)}
      }),
    github,
    checkWrites: targets => void checkWriteCredentials(targets, store, false),
    now: () => new Date(),
    addresses: () => hostAddresses(),
    summary: table => io.report.table(table)
  };
}

/**
 * core.exportVariable without GITHUB_ENV falls back to the `::set-env::` command, which prints
 * the value (the password) into the log; runners always set GITHUB_ENV, so without it only this
 * process's environment gets the variable.
 */
function exportVariable(name: string, value: string): void {
  if (process.env.GITHUB_ENV) core.exportVariable(name, value);
  else process.env[name] = value;
}

/** The buildset-registry main step: start and configure the per-change registry. */
export async function buildsetRegistryAction(
  io: CommandIO = actionIO(),
  face: BuildsetFace = actionFace()
): Promise<void> {
  const inputs = readBuildsetRegistryInputs(io.reader, io.ctx);
  await buildsetMain(inputs, io.ctx, buildsetDeps(inputs, io, face));
}

/** The buildset-registry post step: publish on success, clean up whatever main created. */
export async function buildsetRegistryPost(
  io: CommandIO = actionIO(),
  face: BuildsetFace = actionFace(),
  outcome?: JobOutcome
): Promise<void> {
  const inputs = readBuildsetRegistryInputs(io.reader, io.ctx);
  const deps = buildsetDeps(inputs, io, face);
  await buildsetPost(io.ctx, deps, {
    identity: inputs.identity,
    jobOutcome: async () => outcome ?? jobOutcome(io.ctx, deps, io.env)
  });
}

/**
 * Whether the job succeeded: post steps are not told, so IMAGEGATE_JOB_STATUS decides when a
 * step set it, else the run's jobs API (needs `actions: read`); unknown means "do not publish".
 */
async function jobOutcome(
  ctx: RunnerContext,
  deps: BuildsetDeps,
  env: NodeJS.ProcessEnv
): Promise<JobOutcome> {
  const declared = env[JOB_STATUS_ENV]?.trim().toLowerCase();
  if (declared) return declared === 'success' ? 'success' : 'failure';
  const repo = parseRepoName(ctx.repository);
  const runnerName = env.RUNNER_NAME;
  const github = deps.github();
  if (!repo || !ctx.runId || !runnerName || !github) return 'unknown';
  try {
    const failed = await currentJobFailed(github, {
      repo,
      runId: ctx.runId,
      attempt: ctx.runAttempt,
      runnerName
    });
    return failed === undefined ? 'unknown' : failed ? 'failure' : 'success';
  } catch (e) {
    deps.log.warning(`Cannot read the job's status through the GitHub API: ${errorMessage(e)}`);
    return 'unknown';
  }
}
