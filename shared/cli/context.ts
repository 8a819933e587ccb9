import {execFileSync} from 'node:child_process';
import {type RunnerContext} from '../model/runner-context.js';
import {readRunnerContext} from '../runner/context.js';

/** Run git in `cwd`; undefined when it fails (not a repository, no git). */
export function git(args: readonly string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The runner context outside GitHub: whatever GITHUB_* the environment has, the workspace is the
 * current directory, and the commit comes from git (`git rev-parse HEAD`). The GitHub API is
 * used only when asked for: GITHUB_API_URL is set, or a token is given (then api.github.com);
 * otherwise nothing is sent to GitHub and the commands say what they would need.
 */
export function cliRunnerContext(
  env: NodeJS.ProcessEnv,
  cwd: string,
  hasToken: boolean
): RunnerContext {
  const base = readRunnerContext({...env, GITHUB_WORKSPACE: env.GITHUB_WORKSPACE || cwd});
  const sha = base.sha ?? git(['rev-parse', 'HEAD'], cwd);
  const {apiUrl, ...rest} = base;
  return {
    ...rest,
    ...((env.GITHUB_API_URL || hasToken) && {apiUrl}),
    ...(sha && {sha}),
    eventName: base.eventName || 'workflow_dispatch'
  };
}
