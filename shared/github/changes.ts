import {type GitHubClient} from './client.js';

/** `owner/repo` split once. */
export interface RepoName {
  readonly owner: string;
  readonly repo: string;
}

/** Parse `owner/repo`; undefined when it is not of that shape. */
export function parseRepoName(text: string | undefined): RepoName | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text ?? '');
  return match ? {owner: match[1], repo: match[2]} : undefined;
}

interface PullSummary {
  number: number;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  state?: string;
}

/**
 * The pull request merged as `sha`: the API's list of PRs associated with the commit, preferring
 * one whose merge commit is `sha`, then any merged one. Undefined when the API knows none.
 */
export async function mergedPullForCommit(
  github: GitHubClient,
  repo: RepoName,
  sha: string
): Promise<number | undefined> {
  const pulls = await github.get<PullSummary[]>(
    `/repos/${repo.owner}/${repo.repo}/commits/${sha}/pulls`
  );
  if (!Array.isArray(pulls)) return undefined;
  const exact = pulls.find(p => p.merge_commit_sha === sha && p.merged_at);
  return (exact ?? pulls.find(p => p.merged_at))?.number;
}

/**
 * The PR number a merge commit message names: squash merges end the title with `(#N)`, merge
 * commits start with `Merge pull request #N`. The API is asked first; this is the fallback.
 */
export function pullFromCommitMessage(message: string | undefined): number | undefined {
  const firstLine = (message ?? '').split('\n')[0];
  const match =
    /^Merge pull request #([0-9]+)\b/.exec(firstLine) ?? /\(#([0-9]+)\)\s*$/.exec(firstLine);
  return match ? Number(match[1]) : undefined;
}

/** The git tree of a commit, for comparing what was built with what was merged. */
export async function commitTree(
  github: GitHubClient,
  repo: RepoName,
  sha: string
): Promise<string | undefined> {
  const commit = await github.get<{tree?: {sha?: string}}>(
    `/repos/${repo.owner}/${repo.repo}/git/commits/${sha}`
  );
  return commit?.tree?.sha;
}
