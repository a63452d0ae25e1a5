/**
 * @module An online backup of the SQLite database with the driver's backup API, consistent while
 * Parley writes to it. It runs in a worker thread with its own connection: better-sqlite3 is
 * synchronous, and copying a large file on the server's event loop would stall every socket.
 * The copy is written beside its destination as `<name>.partial`, switched to a single file
 * (rollback journal, no -wal beside it), checked with `PRAGMA integrity_check`, and only then
 * renamed to its name: a file with the final name is always a whole, verified backup.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * SQLite restarts a multi-step backup whenever another connection writes to the source (the server
 * does, all the time). Steps of this many pages give progress on a quiet database; once a restart
 * is seen, the rest is copied in one step, under one read transaction that writers in WAL mode
 * do not wait for, so a busy database is backed up too, never restarted forever.
 */
const STEP_PAGES = 1024;

// Evaluated as a script (no TypeScript, no module resolution): the driver's path comes from here.
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { source, target, stepPages } = workerData;
const partial = target + '.partial';
async function run() {
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    let last = Infinity;
    let restarted = false;
    const { totalPages } = await db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        if (remainingPages > last) restarted = true;
        last = remainingPages;
        parentPort.postMessage({ kind: 'progress', totalPages, remainingPages });
        return restarted ? 0x7fffffff : stepPages;
      },
    });
    parentPort.postMessage({ kind: 'progress', totalPages, remainingPages: 0 });
  } finally {
    db.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error('the copy failed its integrity check: ' + check);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
  return fs.statSync(target).size;
}
run().then(
  (bytes) => parentPort.postMessage({ kind: 'done', bytes }),
  (error) => {
    fs.rmSync(partial, { force: true });
    parentPort.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  },
);
`;

type WorkerMessage =
  ({ kind: 'progress' } & BackupProgress) | { kind: 'done'; bytes: number } | { kind: 'failed'; message: string };

/** Copies the database at `source` to `target` (which must not exist yet). */
export function backupSqlite(
  source: string,
  target: string,
  options: { onProgress?: (progress: BackupProgress) => void } = {},
): Promise<BackupResult> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { source, target, driver, stepPages: STEP_PAGES },
  });
  return new Promise<BackupResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') options.onProgress?.(message);
      else {
        settled = true;
        if (message.kind === 'done') resolve({ file: target, bytes: message.bytes });
        else reject(new Error(`Backup of ${source} failed: ${message.message}`));
      }
    });
    worker.once('error', (error: Error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Backup of ${source} stopped (worker exit ${code})`));
    });
  });
}
