import {ImagegateLabel} from '../build/labels.js';
import {parsePlatform} from '../registry/platform.js';
import {type MergePlan, refOf} from './plan.js';
import {type FoundImage, type PlatformLookup, UNREADABLE} from './read.js';

/** What the merge writes for one entry. */
export interface MergeDecision {
  readonly plan: MergePlan;
  /** The platform images of the index, in the entry's platform order. */
  readonly members: readonly FoundImage[];
  /** Optional platforms that were not there. */
  readonly missingOptional: readonly string[];
}

/** The verdict over every entry: all decisions, or every reason not to write anything. */
export interface MergeVerdict {
  readonly decisions: readonly MergeDecision[];
  /** The commit every platform image was built from, when the labels say. */
  readonly revision?: string;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Decide the merge from what was found, without writing: every platform an entry asks for must
 * be there (optional ones may be missing, with a warning), be the platform it claims, and every
 * image must come from one commit (the `revision` input when given, else the one the records
 * agree on). An image found only in an index written earlier counts only when it is from that
 * commit too; otherwise the platform is missing. Any error means nothing is written.
 */
export function decideMerge(
  plans: readonly MergePlan[],
  lookups: ReadonlyMap<MergePlan, ReadonlyMap<string, PlatformLookup>>,
  expectedRevision?: string
): MergeVerdict {
  const errors: string[] = [];
  const warnings: string[] = [];
  const revisionOf = (image: FoundImage) => image.revision;
  // A label that is not a commit id names no commit (problemOf refuses that image).
  const commitOf = (image: FoundImage) =>
    image.revision !== UNREADABLE ? image.revision : undefined;
  const all = plans.flatMap(plan =>
    [...(lookups.get(plan) ?? new Map<string, PlatformLookup>())].flatMap(([, l]) =>
      l.kind === 'found' ? [{plan, image: l.image}] : []
    )
  );
  const recorded = all.filter(f => f.image.source === 'record');
  let revision = expectedRevision;
  if (revision === undefined) {
    const seen = [...new Set(recorded.map(f => commitOf(f.image)).filter(r => r !== undefined))];
    if (seen.length > 1) {
      errors.push(
        `the platform images were not built from the same commit: ${recorded
          .map(
            f =>
              `${f.plan.image.field} ${f.image.platform} from ${revisionOf(f.image) ?? 'an unlabelled build'}`
          )
          .join(', ')}`
      );
    }
    revision =
      seen.length === 1
        ? seen[0]
        : seen.length === 0
          ? all.map(f => commitOf(f.image)).find(r => r !== undefined)
          : undefined;
  }
  if (revision === undefined && all.length > 0) {
    warnings.push(
      `no platform image has an ${ImagegateLabel.Revision} label (built outside a git checkout?): cannot check they were built from the same commit`
    );
  }
  const decisions: MergeDecision[] = [];
  for (const plan of plans) {
    const entry = `${plan.image.field} (${refOf(plan, plan.targets[0].tag)})`;
    const lookup = lookups.get(plan) ?? new Map<string, PlatformLookup>();
    const before = errors.length;
    const members: FoundImage[] = [];
    const missing: {platform: string; why: string}[] = [];
    const missingOptional: string[] = [];
    for (const platform of [...plan.required, ...plan.optional]) {
      const optional = plan.optional.includes(platform);
      const l = lookup.get(platform) ?? {kind: 'absent'};
      const problem = problemOf(l, platform, revision, revisionOf);
      if (problem === undefined && l.kind === 'found') {
        members.push(l.image);
      } else if (problem !== undefined && problem.fatal) {
        errors.push(`${entry}: ${problem.text}`);
      } else {
        const why = problem?.text ? ` (${problem.text})` : '';
        if (optional) {
          missingOptional.push(platform);
          warnings.push(
            `${entry}: optional platform ${platform} is missing${why}; the index is written without it`
          );
        } else {
          missing.push({platform, why});
        }
      }
    }
    if (missing.length > 0) {
      const names = missing.map(m => `${m.platform}${m.why}`).join(', ');
      const records = missing.map(m => plan.records.get(m.platform)).join(', ');
      errors.push(
        `${entry}: missing platform${missing.length === 1 ? '' : 's'} ${names}: no record ${records} (did that platform's job run and succeed?)`
      );
    } else if (members.length === 0 && errors.length === before) {
      // Every platform it asks for is optional, and none came.
      errors.push(`${entry}: none of its platforms (${plan.optional.join(', ')}) was recorded`);
    }
    decisions.push({plan, members, missingOptional});
  }
  return {decisions, ...(revision !== undefined && {revision}), errors, warnings};
}

/** Why a lookup cannot join the index: fatal (wrong image) or not there (missing). */
function problemOf(
  lookup: PlatformLookup,
  platform: string,
  revision: string | undefined,
  revisionOf: (image: FoundImage) => string | undefined
): {fatal: boolean; text: string} | undefined {
  if (lookup.kind === 'absent') return {fatal: false, text: ''};
  if (lookup.kind === 'unusable') return {fatal: true, text: `${lookup.ref} ${lookup.reason}`};
  const {image} = lookup;
  const want = parsePlatform(platform);
  if (image.os !== want.os || image.architecture !== want.architecture) {
    return {
      fatal: true,
      text: `${image.ref} is recorded for ${platform} but is a ${image.os ?? '?'}/${image.architecture ?? '?'} image`
    };
  }
  const built = revisionOf(image);
  if (built === UNREADABLE)
    return {
      fatal: true,
      text: `${image.ref} (${platform}) has a revision label that is not a commit id`
    };
  if (revision === undefined || built === revision) return undefined;
  if (image.source === 'index') {
    return {
      fatal: false,
      text: `the index under ${image.ref} holds one built from ${built ?? 'an unlabelled build'}`
    };
  }
  return {
    fatal: true,
    text: `${image.ref} (${platform}) was built from ${built ?? 'an unlabelled build (no revision label)'}, not ${revision}`
  };
}
