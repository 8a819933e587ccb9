import {RepositoryName} from '../model/reference.js';
import {BlobCopyOptions} from './blob-copy.js';
import {BlobLedger} from './blob-ledger.js';
import {RegistryCapabilities} from './capabilities.js';
import {Limiter} from './limiter.js';
import {Repository} from './repository.js';
import {Clock} from './retry.js';
import {Logger} from './transport.js';

/** What the use-case functions (copy, retag, delete) need from the client; the facade provides it. */
export interface RegistryContext {
  /** A repository client whose requests carry exactly these token scopes. */
  repository(name: RepositoryName, scopes: readonly string[]): Repository;
  /** The blob-transfer limiter of a registry (default 4 concurrent transfers). */
  limiter(registry: string): Limiter;
  /** Retry, clock and chunking settings for blob transfers. */
  readonly blobs: Omit<BlobCopyOptions, 'mountFrom' | 'ledger'>;
  /** Where this run knows each blob to be, per registry (what to mount from). */
  readonly ledger: BlobLedger;
  /** What each registry supports, learned from its first answers. */
  readonly capabilities: RegistryCapabilities;
  readonly clock: Clock;
  readonly logger: Logger;
}
