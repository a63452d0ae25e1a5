/**
 * @module Checkpoints SQLite's write-ahead log from a worker thread. better-sqlite3 is synchronous,
 * so SQLite's automatic checkpoint runs inside whichever commit crosses its threshold: it copies
 * the log into the database file and fsyncs it on the event loop, and every socket waits meanwhile.
 * That was the tail of `pnpm bench` scenario 1 (20 pairs, same run: p99 32.8 ms with it, 9.4 ms
 * without). Here a worker holds its own connection to the same file and runs PASSIVE checkpoints,
 * which never wait for the writer, while the main connection's automatic checkpoint is off.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What one checkpoint reported: frames in the log, and how many of them are in the database file. */
export interface CheckpointRun {
  logFrames: number;
  checkpointedFrames: number;
}

// Evaluated as a script (no TypeScript, no module resolution): the driver's path comes from here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const run = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ logFrames: row.log, checkpointedFrames: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  run();
  db.close();
  parentPort.close();
});
`;

export class WalCheckpointer {
  readonly #worker: Worker;
  readonly #listeners = new Set<(run: CheckpointRun) => void>();
  readonly #exited: Promise<void>;

  /** `onError`: a checkpoint failed; the log keeps growing until one succeeds. */
  constructor(file: string, options: { intervalMs: number; onError: (error: Error) => void }) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, intervalMs: options.intervalMs },
    });
    // a process with nothing else to do may exit: the last connection to close checkpoints anyway
    this.#worker.unref();
    this.#worker.on('message', (message: CheckpointRun | { error: string }) => {
      if ('error' in message) options.onError(new Error(`WAL checkpoint failed: ${message.error}`));
      else for (const listener of this.#listeners) listener(message);
    });
    this.#worker.on('error', options.onError);
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
  }

  /** Calls `listener` after every checkpoint; returns a function that stops it. */
  onCheckpoint(listener: (run: CheckpointRun) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One last checkpoint, then the worker's connection closes. */
  async stop(): Promise<void> {
    // held open until the worker is done: a process whose last act is closing the store (a `parley`
    // command) would otherwise exit mid-checkpoint, its promise never settled
    this.#worker.ref();
    this.#worker.postMessage('stop');
    await this.#exited;
  }
}
