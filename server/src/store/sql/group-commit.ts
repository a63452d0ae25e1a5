/**
 * @module Group commit: writes that arrive while a transaction is running wait, and go together in
 * the next one. Under load one BEGIN/COMMIT (and on PostgreSQL one flush of the log) serves many
 * writes instead of one each; when idle a write goes at the end of the current turn of the event
 * loop, with whatever arrived beside it. Each caller is answered only after its transaction
 * committed. A batch that fails is tried again one write per transaction, so one bad write (or a
 * deadlock with another process) fails only itself.
 */

/** What one write in a batch came to: a failure of one write does not abort the others. */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, O> {
  readonly #runBatch: (items: readonly I[]) => Promise<Array<Outcome<O>>>;
  readonly #maxBatch: number;
  #waiting: Array<Waiting<I, O>> = [];
  #flushing = false;

  /** `runBatch` writes every item in one transaction and answers one outcome per item, in order. */
  constructor(runBatch: (items: readonly I[]) => Promise<Array<Outcome<O>>>, options: { maxBatch: number }) {
    this.#runBatch = runBatch;
    this.#maxBatch = options.maxBatch;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        // after this turn's I/O callbacks: the writes read from other sockets in it join this batch
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.#maxBatch);
        await this.#write(batch);
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #write(batch: Array<Waiting<I, O>>): Promise<void> {
    let outcomes: Array<Outcome<O>>;
    try {
      outcomes = await this.#runBatch(batch.map((waiting) => waiting.item));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // the transaction rolled back as a whole: each write again on its own, so only the bad one fails
      for (const waiting of batch) await this.#write([waiting]);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i] ?? { ok: false, error: new Error('the batch answered fewer outcomes than writes') };
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
