import {type GitHubClient} from './client.js';

/** `owner/repo` split once. */
export interface RepoName {
  readonly owner: string;
  readonly repo: string;
}

/** A GitHub user or organisation name. */
export const OWNER_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** A GitHub repository name (`.` and `..` are not names: they would move an API path). */
export const REPO_RE = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,100}$/;

/** Parse `owner/repo`; undefined when it is not of that shape. */
export function parseRepoName(text: string | undefined): RepoName | undefined {
  const match = /^([^/]+)\/([^/]+)$/.exec(text ?? '');
  return match && OWNER_RE.test(match[1]) && REPO_RE.test(match[2])
    ? {owner: match[1], repo: match[2]}
    : undefined;
}

/** A pull request number as the API or a message may give it: a positive whole number. */
export function isChangeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** A git object id (SHA-1 or SHA-256), as the API gives commit and tree ids. */
const OBJECT_ID_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

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
  if (!OBJECT_ID_RE.test(sha)) return undefined;
  const pulls = await github.get<PullSummary[]>(
    `/repos/${repo.owner}/${repo.repo}/commits/${sha}/pulls`
  );
  if (!Array.isArray(pulls)) return undefined;
  // The answer is checked where it is used: only objects with a real PR number count.
  const valid = pulls.filter(p => typeof p === 'object' && p !== null && isChangeNumber(p.number));
  const exact = valid.find(p => p.merge_commit_sha === sha && p.merged_at);
  return (exact ?? valid.find(p => p.merged_at))?.number;
}

/**
 * The PR number a merge commit message names: squash merges end the title with `(#N)`, merge
 * commits start with `Merge pull request #N`. The API is asked first; this is the fallback.
 */
export function pullFromCommitMessage(message: string | undefined): number | undefined {
  const firstLine = (message ?? '').split('\n')[0];
  const match =
    /^Merge pull request #([0-9]+)\b/.exec(firstLine) ?? /\(#([0-9]+)\)\s*$/.exec(firstLine);
  const number = match ? Number(match[1]) : undefined;
  return isChangeNumber(number) ? number : undefined;
}

/** The git tree of a commit, for comparing what was built with what was merged. */
export async function commitTree(
  github: GitHubClient,
  repo: RepoName,
  sha: string
): Promise<string | undefined> {
  if (!OBJECT_ID_RE.test(sha)) return undefined;
  const commit = await github.get<{tree?: {sha?: string}}>(
    `/repos/${repo.owner}/${repo.repo}/git/commits/${sha}`
  );
  const tree = commit?.tree?.sha;
  return typeof tree === 'string' && OBJECT_ID_RE.test(tree) ? tree : undefined;
}

/** How `head` relates to `base` in the compare API: ahead of it, behind it, equal, or apart. */
export type Ancestry = 'ahead' | 'behind' | 'identical' | 'diverged';
const ANCESTRIES: readonly string[] = ['ahead', 'behind', 'identical', 'diverged'];
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}` → its `status`; undefined when GitHub
 * does not know a commit (404). Only full commit SHAs reach the URL, and only a known status
 * comes back.
 */
export async function compareCommits(
  github: GitHubClient,
  repo: RepoName,
  base: string,
  head: string
): Promise<Ancestry | undefined> {
  for (const sha of [base, head]) {
    if (!COMMIT_SHA.test(sha)) throw new Error(`"${sha}" is not a full commit SHA`);
  }
  const endpoint = `/repos/${repo.owner}/${repo.repo}/compare/${base}...${head}`;
  // per_page=1: only the status matters, not the list of commits in between.
  const comparison = await github.get<{status?: unknown}>(`${endpoint}?per_page=1`);
  if (comparison === undefined) return undefined;
  const status = comparison.status;
  if (typeof status !== 'string' || !ANCESTRIES.includes(status)) {
    throw new Error(`GET ${endpoint} answered an unknown status ${JSON.stringify(status)}`);
  }
  return status as Ancestry;
}
