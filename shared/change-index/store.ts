import {type RegistryLocation} from '../model/registry-location.js';
import {formatReference} from '../model/reference.js';
import {type Registry} from '../registry/index.js';
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

/** Read a change's index; undefined when the change has none. */
export async function readChangeIndex(
  registry: Registry,
  location: RegistryLocation,
  key: ChangeKey
): Promise<ChangeIndex | undefined> {
  const ref = changeIndexLocation(location, key);
  const payload = await registry.getArtifact(ref, CHANGE_INDEX_ARTIFACT_TYPE, INDEX_LIMIT);
  return payload === undefined ? undefined : decodeChangeIndex(payload, formatReference(ref));
}
