import {readFileSync} from 'node:fs';
import {InputError} from '../model/errors.js';

/** The parts of the runner's environment imagegate uses, read once. */
export interface RunnerContext {
  readonly eventName: string;
  readonly payload: unknown;
  readonly sha?: string;
  /** `owner/repo`. */
  readonly repository?: string;
  readonly workspace: string;
  readonly runId?: string;
  readonly runAttempt: string;
  /** The GitHub REST API root; undefined when there is none at hand (the CLI outside GitHub). */
  readonly apiUrl?: string;
  readonly serverUrl: string;
  readonly runnerTemp: string;
}

/** Read the runner context from `env` (process.env by default). */
export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: readEventPayload(env.GITHUB_EVENT_PATH),
    ...(env.GITHUB_SHA && {sha: env.GITHUB_SHA}),
    ...(env.GITHUB_REPOSITORY && {repository: env.GITHUB_REPOSITORY}),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    ...(env.GITHUB_RUN_ID && {runId: env.GITHUB_RUN_ID}),
    runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    runnerTemp: env.RUNNER_TEMP || '/tmp'
  };
}

function readEventPayload(path: string | undefined): unknown {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError('GITHUB_EVENT_PATH', `cannot read ${path}: ${(e as Error).message}`, {
      cause: e
    });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError('GITHUB_EVENT_PATH', `${path} is not valid JSON`, {cause: e});
  }
}
