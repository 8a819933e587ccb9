import {type ChangeIndexEntry, sourceFields} from '../change-index/format.js';
import {writeChangeIndex} from '../change-index/store.js';
import {type SourceFacts} from '../build/labels.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {type Registry} from '../registry/index.js';
import {type PushTarget} from './targets.js';

/** A pushed target with the digest the registry reported. */
export interface StagedPush extends PushTarget {
  readonly digest: string;
}

/** What the change index records about the run. */
export interface IndexContext {
  /** `owner/repo`. */
  readonly repository: string;
  readonly change: number;
  readonly runId: string;
  readonly runAttempt: string;
  readonly facts: SourceFacts;
  readonly now: Date;
}

/**
 * Record a change's staged images in the intermediate registry (replacing an earlier upload's
 * index), so promote publishes exactly these digests. Returns the index artifact's digest.
 */
export async function recordChangeIndex(
  registry: Registry,
  location: RegistryLocation,
  pushes: readonly StagedPush[],
  ctx: IndexContext
): Promise<string> {
  const source = sourceFields(ctx.facts);
  const images: ChangeIndexEntry[] = pushes.map(p => ({
    repository: p.finalRepository,
    tag: p.finalTag,
    staged: p.ref,
    digest: p.digest,
    ...source
  }));
  return writeChangeIndex(registry, location, {
    version: 1,
    repository: ctx.repository,
    change: ctx.change,
    ...source,
    run: {id: ctx.runId, attempt: ctx.runAttempt},
    createdAt: ctx.now.toISOString(),
    images
  });
}
