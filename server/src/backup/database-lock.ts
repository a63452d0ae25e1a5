/**
 * @module Who has the SQLite database open. Every process that opens `parley.db` (the server, any
 * `parley` command) holds a shared lock on `parley.db.lock` beside it for as long as it does;
 * `parley restore` takes that lock exclusively, so it never swaps the file under a running Parley,
 * and nothing opens the file while it does. The lock is SQLite's own file lock on a tiny database
 * (an open read transaction: shared; BEGIN EXCLUSIVE: exclusive): the operating system drops it
 * when the process ends, even by SIGKILL, so a crash never leaves a stale lock behind, unlike a
 * PID file.
 */
import SqliteDatabase from 'better-sqlite3';

export type LockMode = 'shared' | 'exclusive';

/** The lock could not be had: `mode` is the one asked for. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly databaseFile: string,
    readonly mode: LockMode,
  ) {
    super(
      mode === 'exclusive'
        ? `${databaseFile} is in use by a running Parley (or another parley command): stop it first`
        : `${databaseFile} is being replaced by \`parley restore\`: start again once it has finished`,
    );
    this.name = 'DatabaseInUseError';
  }
}

export interface HeldLock {
  release(): void;
}

export const lockFileOf = (databaseFile: string): string => `${databaseFile}.lock`;

/**
 * Takes the lock or throws DatabaseInUseError after `waitMs` (a restore asks once; an opener waits
 * out the instant another process spends trying for the exclusive lock).
 */
export function acquireDatabaseLock(databaseFile: string, mode: LockMode, options: { waitMs?: number } = {}): HeldLock {
  const db = new SqliteDatabase(lockFileOf(databaseFile));
  try {
    db.pragma(`busy_timeout = ${options.waitMs ?? 2000}`);
    // a rollback journal's locks are the readers/writer pair this needs; WAL lets a writer in beside readers
    db.pragma('journal_mode = DELETE');
    // an empty file takes no lock when read: the lock needs a page to read
    db.exec('CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY)');
    if (mode === 'exclusive') {
      db.exec('BEGIN EXCLUSIVE');
    } else {
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM lock').get();
    }
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
    if (isBusy(error)) throw new DatabaseInUseError(databaseFile, mode);
    throw error;
  }
  return {
    release() {
      if (!db.open) return;
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
