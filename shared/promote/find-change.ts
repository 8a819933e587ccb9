import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIdentity} from '../model/change.js';
import {InputError} from '../model/errors.js';
import {isMapping} from '../model/structured-input.js';
import {type RepoName, mergedPullForCommit, pullFromCommitMessage} from '../github/changes.js';
import {type GitHubClient} from '../github/client.js';

/** The merged change promote works on. */
export interface MergedChange {
  /** PR number; undefined when promoting `<pipeline>_` tags of a change-less pipeline. */
  readonly change?: number;
  /** Tag prefix: `change_<N>` or the pipeline name. */
  readonly prefix: string;
  /** The merged commit (what the source images must have been built from). */
  readonly revision?: string;
  /** How the change was found, for the log. */
  readonly foundBy: string;
}

/**
 * Find the merged change: the `change` input wins; a merged `pull_request` names itself; a
 * `push` is looked up through the API (`commits/{sha}/pulls`), then in the head commit message.
 * Without a change, a `pipeline` input selects `<pipeline>_` tags; otherwise InputError.
 */
export async function findMergedChange(
  identity: ChangeIdentity,
  ctx: RunnerContext,
  pipelineInput: string,
  github: GitHubClient | undefined,
  repo: RepoName | undefined
): Promise<MergedChange> {
  const payload = isMapping(ctx.payload) ? ctx.payload : {};
  const pr = isMapping(payload.pull_request) ? payload.pull_request : undefined;
  const mergeSha =
    typeof pr?.merge_commit_sha === 'string' && pr.merged === true
      ? pr.merge_commit_sha
      : undefined;
  const revision = mergeSha ?? ctx.sha;
  const found = (change: number, foundBy: string): MergedChange => ({
    change,
    prefix: `change_${change}`,
    ...(revision && {revision}),
    foundBy
  });
  if (identity.change !== undefined) {
    if (pr && pr.merged !== true && ctx.eventName.startsWith('pull_request')) {
      throw new InputError(
        'change',
        `pull request #${identity.change} is not merged (event action "${String(payload.action)}"); promote runs after merge`
      );
    }
    return found(identity.change, pr ? 'the pull_request event' : 'the change input or event');
  }
  if (ctx.eventName === 'push' && ctx.sha) {
    if (github && repo) {
      const number = await mergedPullForCommit(github, repo, ctx.sha);
      if (number !== undefined)
        return found(number, `GET /repos/${repo.owner}/${repo.repo}/commits/${ctx.sha}/pulls`);
    }
    const headCommit = isMapping(payload.head_commit) ? payload.head_commit : {};
    const fromMessage = pullFromCommitMessage(
      typeof headCommit.message === 'string' ? headCommit.message : undefined
    );
    if (fromMessage !== undefined) return found(fromMessage, 'the head commit message');
  }
  if (pipelineInput !== '') {
    return {prefix: pipelineInput, ...(revision && {revision}), foundBy: 'the pipeline input'};
  }
  const lookup = github
    ? ''
    : ' (no GitHub API at hand to look it up: outside GitHub, give --github-token with GITHUB_REPOSITORY, or the change itself)';
  throw new InputError(
    'change',
    `no merged pull request found for this ${ctx.eventName || 'run'}${ctx.sha ? ` (${ctx.sha})` : ''}${lookup}; set change (--change N), or pipeline to promote <pipeline>_ tags`
  );
}

/** The merged change as a ChangeIdentity fragment, for the change-tag helpers. */
export function tagIdentity(merged: MergedChange): {change?: number; pipeline: string} {
  return {...(merged.change !== undefined && {change: merged.change}), pipeline: merged.prefix};
}
