import {type RegistryLocation} from '../model/registry-location.js';
import {type RepositoryName, formatReference} from '../model/reference.js';
import {type DeleteOutcome, type Registry} from '../registry/index.js';
import {
  CHANGE_INDEX_ARTIFACT_TYPE,
  type ChangeIndex,
  type ChangeKey,
  changeIndexLocation,
  decodeChangeIndex,
  encodeChangeIndex
} from './format.js';

// An index lists a change's images; even thousands of entries stay far below this.
const INDEX_LIMIT = 4 * 1024 * 1024;

/**
 * Write (or replace: the latest successful upload wins) the change's index artifact at
 * `<location>/imagegate/changes:<owner>.<repo>.pr-<N>`. Returns the artifact's digest.
 */
export async function writeChangeIndex(
  registry: Registry,
  location: RegistryLocation,
  index: ChangeIndex
): Promise<string> {
  const [owner, repo] = index.repository.split('/');
  const ref = changeIndexLocation(location, {owner, repo, change: index.change});
  return registry.putArtifact(ref, {
    artifactType: CHANGE_INDEX_ARTIFACT_TYPE,
    payload: encodeChangeIndex(index),
    annotations: {
      'org.opencontainers.image.created': index.createdAt,
      'dev.imagegate.change': `${index.repository}#${index.change}`
    }
  });
}

/** Read a change's index; undefined when the change has none (or it is being deleted). */
export async function readChangeIndex(
  registry: Registry,
  location: RegistryLocation,
  key: ChangeKey
): Promise<ChangeIndex | undefined> {
  return readChangeIndexAt(registry, changeIndexLocation(location, key));
}

/**
 * The index stored under `ref` (a tag of the change-index repository); undefined when the tag is
 * gone or on an untag placeholder.
 */
export async function readChangeIndexAt(
  registry: Registry,
  ref: RepositoryName & {tag: string}
): Promise<ChangeIndex | undefined> {
  const payload = await registry.getArtifact(ref, CHANGE_INDEX_ARTIFACT_TYPE, INDEX_LIMIT);
  return payload === undefined ? undefined : decodeChangeIndex(payload, formatReference(ref));
}

/** Delete a change's index (tag-only, like every temporary tag). */
export function deleteChangeIndex(
  registry: Registry,
  location: RegistryLocation,
  key: ChangeKey
): Promise<DeleteOutcome> {
  return registry.deleteTag(changeIndexLocation(location, key));
}
