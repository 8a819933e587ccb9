import {type ContainerImage} from '../model/container-images.js';
import {InputError} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {type Registry} from '../registry/index.js';
import {type StagedPush, recordChangeIndex} from '../upload/change-index.js';
import {recordAndLog} from '../staging/store.js';
import {removeRecords} from '../upload/platform-push.js';
import {type MergeDecision, decideMerge} from './decide.js';
import {type MergeContext, type MergePlan, planMerge, refOf} from './plan.js';
import {type PlatformLookup, UNREADABLE, readPlatforms} from './read.js';

/** Some platform is missing or wrong: nothing was written. The message names every problem. */
export class MergeIncompleteError extends Error {
  override name = 'MergeIncompleteError';
  constructor(readonly problems: readonly string[]) {
    super(
      `nothing was merged: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`
    );
  }
}

/** One entry as merged. */
export interface MergedImage {
  readonly decision: MergeDecision;
  /** Digest of the index written under every target tag. */
  readonly digest: string;
}

/** What a merge did. */
export interface MergeResult {
  readonly merged: readonly MergedImage[];
  readonly revision?: string;
  readonly changeIndexDigest?: string;
}

/** Side effects of a merge. */
export interface MergeDeps {
  readonly registry: Registry;
  readonly log: StepLog;
  readonly now: () => Date;
}

/** What the merge needs beyond the planning context. */
export interface MergeRequest extends MergeContext {
  readonly images: readonly ContainerImage[];
  readonly revision?: string;
  /** `owner/repo`, for the change index (intermediate mode). */
  readonly repository: string;
}

/**
 * Merge the platform jobs' records into one index per entry, registry-side: read every record,
 * decide (every platform present, right platform, one commit) before writing anything, then put
 * each index under its first tag and retag the others (manifests only: the platform images are
 * already in the repository), write the change index (intermediate mode), and only then remove
 * the records. Interrupted anywhere, a rerun converges: records still there are read again,
 * records already removed are found in the index written before.
 */
export async function executeMerge(req: MergeRequest, deps: MergeDeps): Promise<MergeResult> {
  const {registry, log} = deps;
  if (req.mode === 'intermediate' && req.identity.change === undefined) {
    throw new InputError(
      'change',
      'promote-method intermediate-registry stages images per change, but this run has no pull request (set the change input)'
    );
  }
  const plans = planMerge(req.images, req);
  const lookups = new Map<MergePlan, ReadonlyMap<string, PlatformLookup>>();
  for (const plan of plans) lookups.set(plan, await readPlatforms(registry, plan));
  const verdict = decideMerge(plans, lookups, req.revision);
  for (const warning of verdict.warnings) log.warning(warning);
  if (verdict.errors.length > 0) throw new MergeIncompleteError(verdict.errors);
  if (verdict.revision) log.info(`Every platform image was built from ${verdict.revision}`);

  const merged: MergedImage[] = [];
  for (const decision of verdict.decisions) {
    merged.push({decision, digest: await writeIndex(registry, decision, log)});
  }
  // Change tags and staged tags are temporary: cleanup ages them by this record.
  if (req.mode === 'tag' || req.mode === 'intermediate') {
    const written = merged.flatMap(({decision, digest}) =>
      decision.plan.targets.map(t => ({ref: refOf(decision.plan, t.tag), digest}))
    );
    await recordAndLog(
      registry,
      written,
      deps.now(),
      {id: req.runId, attempt: req.runAttempt},
      log
    );
  }
  let changeIndexDigest: string | undefined;
  if (req.mode === 'intermediate') {
    changeIndexDigest = await writeChangeIndex(registry, req, merged, verdict.revision, deps.now());
    log.info(`Wrote the change index (${changeIndexDigest})`);
  }
  // The records merged, and placeholders an interrupted removal left under a record tag.
  const records = [...lookups.values()].flatMap(lookup =>
    [...lookup.values()].flatMap(l => {
      if (l.kind === 'found')
        return l.image.source === 'record'
          ? [l.image.ref]
          : l.image.leftover
            ? [l.image.leftover]
            : [];
      return l.kind === 'absent' && l.leftover ? [l.leftover] : [];
    })
  );
  await removeRecords(registry, records, log);
  return {
    merged,
    ...(verdict.revision && {revision: verdict.revision}),
    ...(changeIndexDigest && {changeIndexDigest})
  };
}

async function writeIndex(
  registry: Registry,
  decision: MergeDecision,
  log: StepLog
): Promise<string> {
  const {plan, members} = decision;
  const [first, ...others] = plan.targets.map(t => t.tag);
  const digest = await registry.putIndex(
    {...plan.repository, tag: first},
    members.map(m => ({digest: m.digest, platform: m.platform}))
  );
  if (others.length > 0) await registry.retag(plan.repository, digest, others, {digest});
  const platforms = members.map(m => `${m.platform} ${m.digest}`).join(', ');
  log.info(
    `${plan.image.field}: ${plan.targets.map(t => refOf(plan, t.tag)).join(', ')} → ${digest} (${platforms})`
  );
  return digest;
}

async function writeChangeIndex(
  registry: Registry,
  req: MergeRequest,
  merged: readonly MergedImage[],
  revision: string | undefined,
  now: Date
): Promise<string> {
  const pushes: StagedPush[] = merged.flatMap(({decision, digest}) =>
    decision.plan.targets.map(t => ({
      ref: refOf(decision.plan, t.tag),
      finalRepository: t.finalRepository,
      finalTag: t.finalTag,
      digest
    }))
  );
  const tree = merged[0]?.decision.members[0]?.sourceTree;
  const sourceTree = tree !== UNREADABLE ? tree : undefined;
  return recordChangeIndex(registry, req.intermediate as RegistryLocation, pushes, {
    repository: req.repository,
    change: req.identity.change as number,
    runId: req.runId,
    runAttempt: req.runAttempt,
    facts: {
      ...(revision && {revision}),
      ...(sourceTree && {sourceTree}),
      created: now.toISOString()
    },
    now
  });
}
