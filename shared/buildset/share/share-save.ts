import {type RunnerContext} from '../../model/runner-context.js';
import {errorMessage} from '../../model/errors.js';
import {formatReference, withTag} from '../../model/reference.js';
import {type BuildsetDeps} from '../deps.js';
import {finalNameOf} from '../configure/namespaces.js';
import {ShareNotSavedError, partKeys, shareKeys} from './share.js';
import {snapshotTags} from '../publish/snapshot.js';
import {type BuildsetState} from '../state.js';

export const SHARE_SUMMARY_HEADING = 'Shared registry storage';

/**
 * share: save, in post once the containers are gone: save the registry storage for the jobs of
 * this run that restore it, and say in the job summary what they get (every image in the
 * storage) or that they get nothing. Anything but a fresh save throws: a consumer job would
 * start with an empty (or another job's) registry and test without this job's images.
 */
export async function saveShare(
  ctx: RunnerContext,
  deps: BuildsetDeps,
  state: BuildsetState
): Promise<void> {
  const runId = ctx.runId ?? 'local';
  // A platform job of a distributed check saves its part; the merge job restores every part.
  const {key} = state.sharePart
    ? partKeys(runId, ctx.runAttempt, state.sharePart)
    : shareKeys(runId, ctx.runAttempt);
  const snapshot = await snapshotTags(state.storageDir);
  const rows = Object.entries(snapshot)
    .map(([stored, digest]) => {
      const colon = stored.lastIndexOf(':');
      const final = finalNameOf(stored.slice(0, colon), state.namespaces);
      return [formatReference(withTag(final, stored.slice(colon + 1))), digest];
    })
    .sort((a, b) => a[0].localeCompare(b[0]));
  const report = (note: string) =>
    deps.summary({
      heading: SHARE_SUMMARY_HEADING,
      header: ['Image', 'Digest'],
      rows: rows.map(([image, digest]) => [{code: image}, {code: digest}]),
      note
    });
  let saved: boolean;
  try {
    saved = await deps.share().save(state.storageDir, key);
  } catch (e) {
    await report(`The registry storage was not saved: ${errorMessage(e)}.`);
    throw e;
  }
  if (!saved) {
    const message = `${key} exists already: another job of this run attempt saved its registry storage first, so the images of this job would not reach the jobs that restore it (use share: save in one job per run)`;
    await report(`The registry storage was not saved: ${message}.`);
    throw new ShareNotSavedError(message);
  }
  deps.log.info(`Saved the registry storage as ${key} (${rows.length} tags)`);
  await report(
    `Saved as ${key}: jobs of this run that restore it (share: restore) start with ${rows.length === 0 ? 'an empty registry' : 'these images'}.`
  );
}
