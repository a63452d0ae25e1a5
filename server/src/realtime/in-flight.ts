/**
 * @module Socket handlers still running: a graceful shutdown waits for them (the writes they make
 * are what a client was promised) before it closes the database.
 */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  track(work: Promise<unknown>): void {
    this.#running.add(work);
    void work.finally(() => this.#running.delete(work)).catch(() => undefined);
  }

  get size(): number {
    return this.#running.size;
  }

  /** Resolves when everything running now has settled, or after `timeoutMs`; true when all settled. */
  async settled(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const all = Promise.allSettled([...this.#running]).then(() => true);
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
