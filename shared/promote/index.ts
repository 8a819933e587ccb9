import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIndex, type ChangeKey} from '../change-index/format.js';
import {type Ancestry, commitTree, compareCommits, type RepoName} from '../github/changes.js';
import {type GitHubClient} from '../github/client.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError, InputErrors, errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {formatReference, type RepositoryName} from '../model/reference.js';
import {type Registry} from '../registry/index.js';
import {checkChangeTags} from '../inputs/common.js';
import {type PromoteInputs} from '../inputs/promote.js';
import {
  type CleanupResult,
  type CleanupScope,
  type TagMatcher,
  cleanupStaleTags
} from './cleanup.js';
import {executePromotion, type PromotedTag} from './execute.js';
import {findMergedChange, type MergedChange, tagIdentity} from './find-change.js';
import {type PromoteItem, planPromotion} from './plan.js';
import {cleanupIntermediate, removePromotedIndex} from './staged-cleanup.js';

/** Side effects of the promote step, passed in. */
export interface PromoteDeps {
  readonly registry: Registry;
  readonly ctx: RunnerContext;
  readonly log: StepLog;
  readonly github?: GitHubClient;
  readonly repo?: RepoName;
  /** Reads a change's index from the intermediate registry (intermediate method only). */
  readonly readChangeIndex: (key: ChangeKey) => Promise<ChangeIndex | undefined>;
  /** The clock cleanup ages tags by (default: the system clock). */
  readonly now?: () => Date;
}

/** What promote did, for outputs and the summary. */
export interface PromoteResult {
  readonly merged: MergedChange;
  readonly items: readonly PromoteItem[];
  /** Undefined in a dry run. */
  readonly promoted?: readonly PromotedTag[];
  readonly cleanup: readonly CleanupResult[];
  readonly dryRun: boolean;
}

/**
 * Promote a merged change: find it, resolve and verify every source before writing anything,
 * then image by image move the final tags (manifest-only retag or copy from the intermediate
 * registry) and delete the temporary tags, then clean up stale ones. Every write sequence is
 * safe to interrupt at any request and to rerun.
 */
export async function promote(inputs: PromoteInputs, deps: PromoteDeps): Promise<PromoteResult> {
  const {registry, log} = deps;
  const merged = await findMergedChange(
    inputs.identity,
    deps.ctx,
    inputs.pipeline ?? '',
    deps.github,
    deps.repo
  );
  log.info(
    `promoting ${merged.change !== undefined ? `change ${merged.change}` : `${merged.prefix}_ tags`} (found by ${merged.foundBy}; merged commit ${merged.revision ?? 'unknown'})`
  );
  // Temporary tags over 128 characters are an input error, found before any registry is asked.
  checkChangeTags(inputs.images, tagIdentity(merged));
  // The merged tree is asked for only when an image's revision label is not the merged commit
  // (a squash or rebase merge): most promotions never need the GitHub round trip.
  let tree: Promise<string | undefined> | undefined;
  const sourceTree = inputs.verifySource
    ? () => (tree ??= mergedTree(deps, merged.revision))
    : undefined;
  if (inputs.verifySource && (!deps.github || !deps.repo || !merged.revision)) void sourceTree?.();
  const staged =
    inputs.promoteMethod === 'intermediate-registry' ? await readIndex(deps, merged) : undefined;
  const compare = githubCompare(deps);
  const plan = planPromotion(registry, inputs.images, {
    method: inputs.promoteMethod,
    verifySource: inputs.verifySource,
    merged,
    mergedSource: {...(merged.revision && {revision: merged.revision})},
    ...(sourceTree && {sourceTree}),
    ...(staged?.index && {index: staged.index}),
    order: {
      allowDowngrade: inputs.allowDowngrade,
      ...(merged.revision && {revision: merged.revision}),
      ...(compare && {compare}),
      warn: m => log.warning(m)
    },
    warn: m => log.warning(m)
  });
  const items = await plan.catch((e: unknown) => {
    throw staged && !staged.index ? noIndexError(staged.key, e) : e;
  });
  if (inputs.dryRun) {
    for (const item of items) {
      log.info(
        `[dry run] ${formatReference(item.final)} ← ${formatReference(item.source)} ${item.digest} (${item.state === 'done' ? 'already promoted' : 'would promote'})`
      );
    }
    return {merged, items, cleanup: [], dryRun: true};
  }
  const promoted = await executePromotion(registry, items, inputs.promoteMethod, log);
  const location = inputs.intermediateRegistry;
  if (staged && location) {
    await removePromotedIndex(registry, location, staged.key, staged.index, items, log);
  }
  const options = {maxAgeMs: inputs.cleanupAgeMs, now: deps.now ?? (() => new Date()), log};
  const cleanup = inputs.cleanup
    ? await log.group('Clean up stale temporary tags', async () => [
        ...(await cleanupStaleTags(
          registry,
          finalScopes(inputs.images, inputs.cleanupPattern, items),
          options
        )),
        ...(staged && location
          ? await cleanupIntermediate(registry, location, inputs.images, options)
          : [])
      ])
    : [];
  return {merged, items, promoted, cleanup, dryRun: false};
}

/** The merged commit's tree through the API; a failure here only weakens the check. */
async function mergedTree(
  deps: PromoteDeps,
  revision: string | undefined
): Promise<string | undefined> {
  if (!deps.github || !deps.repo || !revision) {
    deps.log.info(
      `the merged tree is not checked (it needs the GitHub API and the repository${deps.github ? '' : '; outside GitHub give --github-token and GITHUB_REPOSITORY'}): only the revision label can match`
    );
    return undefined;
  }
  try {
    return await commitTree(deps.github, deps.repo, revision);
  } catch (e) {
    deps.log.warning(
      `could not read the tree of ${revision}; checking the revision label only: ${errorMessage(e)}`
    );
    return undefined;
  }
}

/** Where the change's index lives, and the index unless it is gone (promoted before). */
async function readIndex(
  deps: PromoteDeps,
  merged: MergedChange
): Promise<{key: ChangeKey; index?: ChangeIndex}> {
  if (merged.change === undefined || !deps.repo) {
    throw new InputError(
      'promote-method',
      'intermediate-registry needs a change (pull request) and GITHUB_REPOSITORY to find the change index'
    );
  }
  const key = {...deps.repo, change: merged.change};
  const index = await deps.readChangeIndex(key);
  return {key, ...(index && {index})};
}

/** No index, and the final tags do not show an earlier promotion of this change. */
function noIndexError(key: ChangeKey, cause: unknown): unknown {
  if (!(cause instanceof InputError || cause instanceof InputErrors)) return cause;
  return new InputError(
    'intermediate-registry',
    `has no change index for ${key.owner}/${key.repo}#${key.change}, and the final tags do not hold its images; did the gate upload run with promote-method intermediate-registry?`,
    {cause}
  );
}

/** The GitHub compare API for ordering promotions, each pair of commits asked once. */
function githubCompare(
  deps: PromoteDeps
): ((base: string, head: string) => Promise<Ancestry | undefined>) | undefined {
  const {github, repo} = deps;
  if (!github || !repo) return undefined;
  const asked = new Map<string, Promise<Ancestry | undefined>>();
  return (base, head) => {
    const key = `${base}...${head}`;
    let answer = asked.get(key);
    if (!answer) asked.set(key, (answer = compareCommits(github, repo, base, head)));
    return answer;
  };
}

/**
 * Each final repository once, with the final tags of every entry naming it and the digests the
 * promotion has just put under them (all of `promoted` holds its digest now).
 */
function finalScopes(
  images: readonly ContainerImage[],
  matcher: TagMatcher,
  promoted: readonly PromoteItem[]
): CleanupScope[] {
  const scopes = new Map<
    string,
    {repository: RepositoryName; finalTags: string[]; finalDigests: Map<string, string>}
  >();
  for (const image of images) {
    const key = formatReference(image.repository);
    const scope = scopes.get(key) ?? {
      repository: image.repository,
      finalTags: [] as string[],
      finalDigests: new Map<string, string>()
    };
    scope.finalTags.push(...image.tags);
    scopes.set(key, scope);
  }
  for (const item of promoted) {
    scopes
      .get(formatReference(item.image.repository))
      ?.finalDigests.set(item.final.tag, item.digest);
  }
  return [...scopes.values()].map(scope => ({...scope, matcher}));
}
