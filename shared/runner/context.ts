import {readFileSync} from 'node:fs';
import {InputError} from '../model/errors.js';
import {type RunnerContext} from '../model/runner-context.js';

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
