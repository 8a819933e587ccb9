/**
 * What a registry may or may not support, each learned from its first telling answer:
 * - `tag-delete`: `DELETE /manifests/<tag>` removes just the tag (distribution 2 answers 400);
 * - `mount`: a cross-repository mount of a blob the registry holds answers 201 (some registries
 *   always open an upload session instead);
 * - `monolithic-post`: a blob uploads in one `POST /blobs/uploads/?digest=` with its bytes
 *   (distribution 2 ignores the bytes and opens a session).
 */
export type Capability = 'tag-delete' | 'mount' | 'monolithic-post';

/**
 * The answers of every registry this client talked to, kept for the client's life, so a
 * question costs one request per registry and run, not one per image. While a question is
 * being asked, other callers wait for that answer instead of asking again.
 */
export class RegistryCapabilities {
  private readonly known = new Map<string, boolean>();
  private readonly asking = new Map<string, Promise<unknown>>();
  private readonly claimed = new Set<string>();

  /** true or false once answered; undefined while unknown. */
  get(registry: string, capability: Capability): boolean | undefined {
    return this.known.get(key(registry, capability));
  }

  set(registry: string, capability: Capability, supported: boolean): void {
    this.known.set(key(registry, capability), supported);
  }

  /**
   * For a question whose asking costs nothing extra when the answer is no (the caller then
   * does what it would have done anyway): true for the one caller that should ask now, while
   * the answer is unknown; everyone else goes the known way without waiting. `release` hands
   * the question back when the attempt did not tell.
   */
  claim(registry: string, capability: Capability): boolean {
    const k = key(registry, capability);
    if (this.known.has(k) || this.claimed.has(k)) return false;
    this.claimed.add(k);
    return true;
  }

  release(registry: string, capability: Capability): void {
    this.claimed.delete(key(registry, capability));
  }

  /**
   * Ask once: when the answer is unknown and nobody is asking, run `attempt` (a real request
   * the caller needs anyway) and learn from `verdict` (undefined: the answer did not tell).
   * When someone else is asking, wait for them first. Returns the attempt's result when this
   * caller made it, or `{asked: false}` when the answer is known (see `get`).
   */
  async ask<T>(
    registry: string,
    capability: Capability,
    attempt: () => Promise<T>,
    verdict: (result: T) => boolean | undefined
  ): Promise<{asked: true; result: T} | {asked: false}> {
    const k = key(registry, capability);
    for (;;) {
      if (this.known.has(k)) return {asked: false};
      const pending = this.asking.get(k);
      if (!pending) break;
      // A failed or untelling attempt leaves the question open: the next waiter asks.
      await pending.catch(() => undefined);
    }
    const run = attempt();
    this.asking.set(k, run);
    try {
      const result = await run;
      const supported = verdict(result);
      if (supported !== undefined) this.known.set(k, supported);
      return {asked: true, result};
    } finally {
      this.asking.delete(k);
    }
  }
}

function key(registry: string, capability: Capability): string {
  return `${capability} ${registry}`;
}
