import {readFile} from 'node:fs/promises';
import {
  type ChangeIndex,
  type ChangeIndexEntry,
  type ChangeKey,
  type IndexSource,
  changeIndexLocation,
  sourceFields
} from '../../change-index/format.js';
import {type WriteTarget} from '../../model/credentials.js';
import {type StepLog} from '../../model/log.js';
import {formatReference, withTag} from '../../model/reference.js';
import {type RegistryLocation, stagedRepository} from '../../model/registry-location.js';
import {type Registry} from '../../registry/index.js';
import {recordAndLog} from '../../staging/store.js';
import {finalNameOf} from '../configure/namespaces.js';
import {type TagSnapshot, changedTags, snapshotTags} from './snapshot.js';

export interface PublishDeps {
  readonly registry: Registry;
  readonly log: StepLog;
  readonly readIndex: (key: ChangeKey) => Promise<ChangeIndex | undefined>;
  readonly writeIndex: (index: ChangeIndex) => Promise<string>;
  readonly now: () => Date;
  /** Throws when a credential's repository regex does not allow a repository to be written. */
  readonly checkWrites?: (targets: readonly WriteTarget[]) => void;
}

export interface PublishRequest {
  readonly storageDir: string;
  readonly snapshotFile: string;
  /** `host:port` of the buildset registry. */
  readonly buildset: string;
  readonly namespaces: readonly string[];
  readonly intermediate: RegistryLocation;
  /** The change: `owner/repo` and number. */
  readonly change: ChangeKey;
  /** What the job built from: the same facts build put on the labels (build/source.ts). */
  readonly source: IndexSource;
  readonly runId: string;
  readonly runAttempt: string;
}

/**
 * Push the images built in this job to the intermediate registry and record them in the
 * change index. "Built in this job" = every tag whose digest is new or moved since main's
 * snapshot (taken after restore and populate), so dependencies' and shared images are not
 * re-staged as this change's. An index written by the same run (another job, or upload) is
 * merged, ours winning per `repository:tag`; an older run's index is replaced.
 */
export async function publishBuiltImages(
  deps: PublishDeps,
  request: PublishRequest
): Promise<ChangeIndexEntry[]> {
  const before = JSON.parse(await readFile(request.snapshotFile, 'utf8')) as TagSnapshot;
  const built = changedTags(before, await snapshotTags(request.storageDir));
  if (built.length === 0) {
    deps.log.info('No image was built into the buildset registry in this job; nothing to publish');
    return [];
  }
  // The intermediate registry's credential restriction holds for every repository written:
  // each staged image and the change index, all checked before the first copy.
  const index = changeIndexLocation(request.intermediate, request.change);
  deps.checkWrites?.([
    ...built.map(([stored]) => ({
      field: 'intermediate-registry',
      repository: stagedRepository(request.intermediate, finalNameOf(stored, request.namespaces))
    })),
    {
      field: 'intermediate-registry',
      repository: {registry: index.registry, repository: index.repository}
    }
  ]);
  const builtFrom = sourceFields(request.source);
  const entries: ChangeIndexEntry[] = [];
  for (const [stored, tag, digest] of built) {
    const final = finalNameOf(stored, request.namespaces);
    const staged = stagedRepository(request.intermediate, final);
    const stagedTag = `${request.runId}-${request.runAttempt}_${tag}`;
    const source = {registry: request.buildset, repository: stored, digest};
    const result = await deps.registry.copy(source, staged, [stagedTag]);
    const ref = formatReference(withTag(staged, stagedTag));
    deps.log.info(`${formatReference(withTag(final, tag))} → ${ref}@${result.digest}`);
    entries.push({
      repository: formatReference(final),
      tag,
      staged: ref,
      digest: result.digest,
      ...builtFrom
    });
  }
  // When these were staged, for the intermediate registry's cleanup (see shared/staging).
  const run = {id: request.runId, attempt: request.runAttempt};
  const staging = entries.map(e => ({ref: e.staged, digest: e.digest}));
  await recordAndLog(deps.registry, staging, deps.now(), run, deps.log);
  const existing = await deps.readIndex(request.change);
  const sameRun = existing?.run?.id === request.runId;
  const key = (e: ChangeIndexEntry) => `${e.repository}:${e.tag}`;
  const ours = new Set(entries.map(key));
  const kept = sameRun ? (existing?.images ?? []).filter(e => !ours.has(key(e))) : [];
  const digest = await deps.writeIndex({
    version: 1,
    repository: `${request.change.owner}/${request.change.repo}`,
    change: request.change.change,
    ...builtFrom,
    run: {id: request.runId, attempt: request.runAttempt},
    createdAt: deps.now().toISOString(),
    images: [...kept, ...entries]
  });
  deps.log.info(`Change index written (${kept.length + entries.length} images): ${digest}`);
  return entries;
}
