import {RepositoryName} from '../../model/reference.js';
import {type ManifestContent} from '../inspect.js';

/** A tag as a registry's own API reports it. */
export interface TagInfo {
  readonly name: string;
  /** When the tag last moved (Docker Hub `last_updated`, Quay `last_modified`, GHCR `updated_at`). */
  readonly updatedAt?: Date;
  readonly digest?: string;
}

/** `deleted`: the tag is gone now; `absent`: there was no such tag. */
export type DeleteOutcome = 'deleted' | 'absent';

/** Tag-level operations some registries only offer through their own API. */
export interface TagApi {
  /** Adapter name for logs: `oci`, `docker-hub`, `quay`, `ghcr`. */
  readonly kind: string;
  /** Whether `tagUpdatedAt` can answer (the registry's own API keeps a time per tag). */
  readonly knowsTagTimes: boolean;
  /** Remove only the tag; other tags sharing its digest keep working. */
  deleteTag(repository: RepositoryName, tag: string): Promise<DeleteOutcome>;
  /**
   * Several tags of one repository in fewer requests, where the adapter knows how; `known`:
   * what each tag held when the caller just read it (not read again).
   */
  deleteTags?(
    repository: RepositoryName,
    tags: readonly string[],
    known?: readonly (ManifestContent | undefined)[]
  ): Promise<DeleteOutcome[]>;
  /** When the tag was last pushed, or undefined when the registry cannot say. */
  tagUpdatedAt(repository: RepositoryName, tag: string): Promise<Date | undefined>;
}
