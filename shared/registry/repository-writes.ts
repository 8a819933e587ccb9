/**
 * The order of manifest writes into one repository: PUTs may overlap each other, a DELETE runs
 * alone. distribution deletes a manifest by walking every tag of the repository to untag those
 * naming it; a tag written or removed during that walk makes the walk fail half way (a 500), and
 * the tags it had not reached stay behind, naming a manifest that is gone. Waiters are served in
 * arrival order, so a DELETE is never starved by a stream of PUTs.
 */
export class RepositoryWrites {
  private puts = 0;
  private deleting = false;
  private readonly waiting: {readonly exclusive: boolean; readonly wake: () => void}[] = [];

  /** Run a manifest PUT (other PUTs may run at the same time). */
  put<T>(send: () => Promise<T>): Promise<T> {
    return this.run(false, send);
  }

  /** Run a manifest DELETE (nothing else of this repository's writes at the same time). */
  delete<T>(send: () => Promise<T>): Promise<T> {
    return this.run(true, send);
  }

  private async run<T>(exclusive: boolean, send: () => Promise<T>): Promise<T> {
    if (this.waiting.length > 0 || !this.free(exclusive)) {
      await new Promise<void>(wake => this.waiting.push({exclusive, wake}));
    } else {
      this.take(exclusive);
    }
    try {
      return await send();
    } finally {
      if (exclusive) this.deleting = false;
      else this.puts--;
      this.wakeNext();
    }
  }

  private free(exclusive: boolean): boolean {
    return !this.deleting && (!exclusive || this.puts === 0);
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.deleting = true;
    else this.puts++;
  }

  private wakeNext(): void {
    while (this.waiting.length > 0 && this.free(this.waiting[0].exclusive)) {
      const next = this.waiting.shift()!;
      this.take(next.exclusive);
      next.wake();
      if (next.exclusive) return;
    }
  }
}
