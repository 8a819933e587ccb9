import {randomBytes} from 'node:crypto';
import {errorMessage} from '../model/errors.js';
import {type RepositoryName, formatReference} from '../model/reference.js';
import {type Registry} from '../registry/index.js';
import {
  STAGING_RECORD_ARTIFACT_TYPE,
  type StagingRecord,
  decodeStagingRecord,
  encodeStagingRecord,
  isStagingRecordTag,
  stagingRecordTag
} from './record.js';

// A record lists the tags of one upload in one repository: a few KiB at most.
const RECORD_LIMIT = 1024 * 1024;

/** A record as found in a registry, under its tag. */
export interface FoundRecord {
  readonly tag: string;
  readonly record: StagingRecord;
}

/** Write a record into the repository it describes; returns its tag. */
export async function writeStagingRecord(
  registry: Registry,
  repository: RepositoryName,
  record: StagingRecord,
  nonce: string = randomBytes(3).toString('hex')
): Promise<string> {
  const tag = stagingRecordTag(record, nonce);
  await registry.putArtifact(
    {...repository, tag},
    {
      artifactType: STAGING_RECORD_ARTIFACT_TYPE,
      payload: encodeStagingRecord(record),
      annotations: {'org.opencontainers.image.created': record.stagedAt}
    }
  );
  return tag;
}

/**
 * The records among `tags` of a repository. A tag named like a record that holds something else
 * is not a record (it stays an ordinary tag); `onInvalid` hears about it.
 */
export async function readStagingRecords(
  registry: Registry,
  repository: RepositoryName,
  tags: readonly string[],
  onInvalid: (tag: string, reason: string) => void = () => undefined
): Promise<FoundRecord[]> {
  const found: FoundRecord[] = [];
  for (const tag of tags.filter(isStagingRecordTag)) {
    const ref = {...repository, tag};
    try {
      const payload = await registry.getArtifact(ref, STAGING_RECORD_ARTIFACT_TYPE, RECORD_LIMIT);
      if (payload) found.push({tag, record: decodeStagingRecord(payload, formatReference(ref))});
    } catch (e) {
      onInvalid(tag, errorMessage(e));
    }
  }
  return found;
}
