import {type ImagePlan} from '../build/plan.js';
import {errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {type RecordPlace, recordRepository} from '../model/platform-records.js';
import {formatReference, parseReference, withTag} from '../model/reference.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {type Registry} from '../registry/index.js';
import {type PushTarget, type UploadMode} from './targets.js';

/** Where a platform job's records go in each upload mode: beside the tags the merge will write. */
export function recordPlace(mode: UploadMode, intermediate?: RegistryLocation): RecordPlace {
  return mode === 'intermediate'
    ? {kind: 'intermediate', location: intermediate as RegistryLocation}
    : {kind: 'final'};
}

/**
 * A platform job pushes each build once, under its record tag (never a change or final tag: those
 * only ever name the merged index).
 */
export function recordTarget(plan: ImagePlan, place: RecordPlace): PushTarget {
  const repository = recordRepository(plan.image, place);
  return {
    ref: formatReference(withTag(repository, plan.recordTag as string)),
    finalRepository: formatReference(plan.image.repository),
    finalTag: plan.image.tags[0]
  };
}

/**
 * A platform job that fails leaves no tag behind: remove the records it already pushed (tag
 * only; the untagged image goes with the registry's garbage collection). A record that cannot be
 * removed is a warning: the merge refuses an incomplete set anyway, and a rerun overwrites it.
 */
export async function removeRecords(
  registry: Registry,
  refs: readonly string[],
  log: StepLog
): Promise<void> {
  for (const ref of refs) {
    const parsed = parseReference(ref);
    try {
      await registry.deleteTag({...parsed, tag: parsed.tag as string});
      log.info(`Removed the platform record ${ref}`);
    } catch (error) {
      log.warning(`Could not remove the platform record ${ref}: ${errorMessage(error)}`);
    }
  }
}
