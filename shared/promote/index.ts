import {type RunnerContext} from '../action/context.js';
import {type ChangeIndex, type ChangeKey} from '../change-index/format.js';
import {commitTree, type RepoName} from '../github/changes.js';
import {type GitHubClient} from '../github/client.js';
import {InputError, errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {formatReference, type RepositoryName} from '../model/reference.js';
import {type Registry} from '../registry/index.js';
import {checkChangeTags} from '../inputs/common.js';
import {type PromoteInputs} from '../inputs/promote.js';
import {type CleanupResult, cleanupStaleTags} from './cleanup.js';
import {executePromotion, type PromotedTag} from './execute.js';
import {findMergedChange, type MergedChange, tagIdentity} from './find-change.js';
import {type PromoteItem, planPromotion} from './plan.js';

/** Side effects of the promote step, passed in. */
export interface PromoteDeps {
  readonly registry: Registry;
  readonly ctx: RunnerContext;
  readonly log: StepLog;
  readonly github?: GitHubClient;
  readonly repo?: RepoName;
  /** Reads a change's index from the intermediate registry (intermediate method only). */
  readonly readChangeIndex: (key: ChangeKey) => Promise<ChangeIndex | undefined>;
  /** The `pipeline` input (selects `<pipeline>_` tags when there is no change). */
  readonly pipelineInput: string;
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
 * move the final tags (manifest-only retag or copy from the intermediate registry), delete the
 * change tags, and clean up stale temporary tags. Safe to re-run.
 */
export async function promote(inputs: PromoteInputs, deps: PromoteDeps): Promise<PromoteResult> {
  const {registry, log} = deps;
  const merged = await findMergedChange(
    inputs.identity,
    deps.ctx,
    deps.pipelineInput,
    deps.github,
    deps.repo
  );
  log.info(
    `promoting ${merged.change !== undefined ? `change ${merged.change}` : `${merged.prefix}_ tags`} (found by ${merged.foundBy}; merged commit ${merged.revision ?? 'unknown'})`
  );
  // Temporary tags over 128 characters are an input error, found before any registry is asked.
  checkChangeTags(inputs.images, tagIdentity(merged));
  const sourceTree = inputs.verifySource ? await mergedTree(deps, merged.revision) : undefined;
  const index =
    inputs.promoteMethod === 'intermediate-registry' ? await readIndex(deps, merged) : undefined;
  const items = await planPromotion(registry, inputs.images, {
    method: inputs.promoteMethod,
    verifySource: inputs.verifySource,
    merged,
    mergedSource: {
      ...(merged.revision && {revision: merged.revision}),
      ...(sourceTree && {sourceTree})
    },
    ...(index && {index}),
    warn: m => log.warning(m)
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
  const cleanup = inputs.cleanup
    ? await log.group('Clean up stale temporary tags', () =>
        cleanupStaleTags(
          registry,
          uniqueRepositories(items),
          inputs.cleanupPattern,
          inputs.cleanupAgeMs,
          new Set(),
          log
        )
      )
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

async function readIndex(deps: PromoteDeps, merged: MergedChange): Promise<ChangeIndex> {
  if (merged.change === undefined || !deps.repo) {
    throw new InputError(
      'promote-method',
      'intermediate-registry needs a change (pull request) and GITHUB_REPOSITORY to find the change index'
    );
  }
  const index = await deps.readChangeIndex({...deps.repo, change: merged.change});
  if (!index) {
    throw new InputError(
      'intermediate-registry',
      `has no change index for ${deps.repo.owner}/${deps.repo.repo}#${merged.change}; did the gate upload run with promote-method intermediate-registry?`
    );
  }
  return index;
}

function uniqueRepositories(items: readonly PromoteItem[]): RepositoryName[] {
  const byName = new Map<string, RepositoryName>();
  for (const item of items)
    byName.set(formatReference(item.image.repository), item.image.repository);
  return [...byName.values()];
}
