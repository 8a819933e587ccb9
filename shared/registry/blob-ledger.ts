/**
 * Which repositories of each registry hold a blob, as far as this run knows (it uploaded or
 * mounted the blob there, a HEAD found it there, or a copy read it from there), and which
 * transfers of a blob into a registry are under way. Copies of images that share layers (a
 * common base) use it to upload each shared blob once per registry and mount it everywhere
 * else: a mount is one small request instead of the blob's bytes.
 */
export class BlobLedger {
  private readonly holders = new Map<string, Set<string>>();
  private readonly transfers = new Map<string, Promise<unknown>>();
  private readonly arriving = new Map<string, Promise<unknown>>();

  /** Note that `repository` of `registry` holds the blob. */
  holds(registry: string, repository: string, digest: string): void {
    const k = key(registry, digest);
    let repositories = this.holders.get(k);
    if (!repositories) this.holders.set(k, (repositories = new Set()));
    repositories.add(repository);
  }

  /** A repository of `registry` other than `except` known to hold the blob. */
  holder(registry: string, digest: string, except: string): string | undefined {
    for (const repository of this.holders.get(key(registry, digest)) ?? []) {
      if (repository !== except) return repository;
    }
    return undefined;
  }

  /**
   * Run `transfer` (a blob copy into `repository` of `registry`) once the first transfer of the
   * same blob into that registry that is still under way has settled, so this one finds the
   * blob there (or a repository to mount it from) instead of uploading it again. Transfers that
   * wait all go together afterwards, not one after another. `wait: false` runs at once (a
   * registry that cannot mount gains nothing from waiting). A transfer into a repository the
   * blob is already on its way into (two tags of one image set) always waits for that one,
   * and then finds the blob there.
   */
  async after<T>(
    registry: string,
    repository: string,
    digest: string,
    transfer: () => Promise<T>,
    wait = true
  ): Promise<T> {
    const here = `${registry}/${repository} ${digest}`;
    const arriving = this.arriving.get(here);
    if (arriving) {
      await arriving.catch(() => undefined);
      return transfer();
    }
    const run = this.afterOthers(registry, digest, transfer, wait);
    this.arriving.set(here, run);
    try {
      return await run;
    } finally {
      if (this.arriving.get(here) === run) this.arriving.delete(here);
    }
  }

  private async afterOthers<T>(
    registry: string,
    digest: string,
    transfer: () => Promise<T>,
    wait: boolean
  ): Promise<T> {
    const k = key(registry, digest);
    const first = this.transfers.get(k);
    if (first) {
      if (wait) await first.catch(() => undefined);
      return transfer();
    }
    const run = transfer();
    this.transfers.set(k, run);
    try {
      return await run;
    } finally {
      this.transfers.delete(k);
    }
  }
}

function key(registry: string, digest: string): string {
  return `${registry} ${digest}`;
}
