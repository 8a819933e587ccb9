import {type ChangeKey} from '../change-index/format.js';
import {type GitHubClient} from './client.js';
import {OWNER_RE, REPO_RE, type RepoName, isChangeNumber} from './changes.js';

/** A change this one depends on, how far away it is and which change named it. */
export interface Dependency {
  readonly key: ChangeKey;
  readonly depth: number;
  readonly via: ChangeKey;
}

/** Dependencies found, and the ones named but not readable (no such PR, no access). */
export interface DependencyGraph {
  readonly dependencies: readonly Dependency[];
  readonly unreadable: readonly Dependency[];
}

export interface CollectOptions {
  /** How many hops to follow (default 8). */
  readonly maxDepth?: number;
  /** Stop after this many changes (default 50). */
  readonly maxChanges?: number;
}

const LINE_RE = /^\s*Depends-On:\s*(\S+)\s*$/gim;
const URL_RE = /^https?:\/\/[^/\s]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/pull\/([0-9]+)\/?$/;
const SHORT_RE = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#([0-9]+)$/;
const LOCAL_RE = /^#([0-9]+)$/;

/** `owner/repo#N`, how messages name a change. */
export function formatChange(key: ChangeKey): string {
  return `${key.owner}/${key.repo}#${key.change}`;
}

/**
 * The changes a PR body names in `Depends-On:` lines: `https://<host>/o/r/pull/N`, `o/r#N`, or
 * `#N` (a PR of `base`, the repository the body belongs to). Unparseable values are skipped.
 */
export function parseDependsOn(body: string | null | undefined, base: RepoName): ChangeKey[] {
  const out: ChangeKey[] = [];
  for (const match of (body ?? '').matchAll(LINE_RE)) {
    const value = match[1];
    const url = URL_RE.exec(value) ?? SHORT_RE.exec(value);
    const local = LOCAL_RE.exec(value);
    const key = url
      ? {owner: url[1], repo: url[2], change: Number(url[3])}
      : local
        ? {owner: base.owner, repo: base.repo, change: Number(local[1])}
        : undefined;
    // A PR body is anyone's text: owner, repository and number must be names and a number
    // before they become an API path (`../..#1` would move it).
    const valid =
      key && OWNER_RE.test(key.owner) && REPO_RE.test(key.repo) && isChangeNumber(key.change);
    if (valid && !out.some(k => sameChange(k, key))) out.push(key);
  }
  return out;
}

/** GitHub owner and repository names are case-insensitive. */
export function sameChange(a: ChangeKey, b: ChangeKey): boolean {
  return (
    a.change === b.change &&
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.repo.toLowerCase() === b.repo.toLowerCase()
  );
}

/** The body of a pull request through the API; undefined when it cannot be read (404). */
export async function pullRequestBody(
  github: GitHubClient,
  key: ChangeKey
): Promise<string | undefined> {
  return (await readPull(github, key))?.body;
}

/** A pull request's body and whether it merged; undefined when it cannot be read (404). */
async function readPull(
  github: GitHubClient,
  key: ChangeKey
): Promise<{body: string; merged: boolean} | undefined> {
  const pull = await github.get<{body?: string | null; merged?: unknown}>(
    `/repos/${key.owner}/${key.repo}/pulls/${key.change}`
  );
  if (pull === undefined) return undefined;
  return {body: typeof pull.body === 'string' ? pull.body : '', merged: pull.merged === true};
}

/**
 * Follow `Depends-On:` breadth first from `root` (whose body is given, or fetched when
 * undefined), across repositories; each change is visited once, so cycles end, and the walk is
 * bounded in depth and size. The root itself is never a dependency, nor is a merged change.
 */
export async function collectDependencies(
  github: GitHubClient,
  root: ChangeKey,
  rootBody: string | undefined,
  options: CollectOptions = {}
): Promise<DependencyGraph> {
  const maxDepth = options.maxDepth ?? 8;
  const maxChanges = options.maxChanges ?? 50;
  const seen: ChangeKey[] = [root];
  const dependencies: Dependency[] = [];
  const unreadable: Dependency[] = [];
  let frontier: {key: ChangeKey; body: string | undefined; depth: number}[] = [
    {key: root, body: rootBody ?? (await pullRequestBody(github, root)), depth: 0}
  ];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      if (node.depth >= maxDepth) continue;
      for (const key of parseDependsOn(node.body, node.key)) {
        if (seen.some(k => sameChange(k, key)) || seen.length > maxChanges) continue;
        seen.push(key);
        const dependency = {key, depth: node.depth + 1, via: node.key};
        const pull = await readPull(github, key);
        if (pull === undefined) {
          unreadable.push(dependency);
          continue;
        }
        // A merged change is no longer ahead: promote published its images (and removed its
        // staged ones), so only what it depends on may still be needed.
        if (!pull.merged) dependencies.push(dependency);
        next.push({key, body: pull.body, depth: node.depth + 1});
      }
    }
    frontier = next;
  }
  return {dependencies, unreadable};
}
