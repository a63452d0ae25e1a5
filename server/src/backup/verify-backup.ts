/**
 * @module Is this file a Parley database this build can run on? Checked before a restore puts it in
 * place: SQLite's own integrity check, Parley's tables, and migrations this build knows (a backup
 * from a newer Parley would be run by code that does not know its schema). Older backups pass:
 * the server applies the missing migrations when it starts on them.
 */
import SqliteDatabase from 'better-sqlite3';
import { migrationProvider } from '../store/sql/migrations.ts';

export class InvalidBackupError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} cannot be restored: ${reason}`);
    this.name = 'InvalidBackupError';
  }
}

export interface VerifiedBackup {
  /** Migrations the backup has. */
  migrations: number;
  /** Migrations this build will apply when the server starts on it. */
  pending: string[];
}

/** `shownAs`: the name errors give the file (the backup the operator named, not a staging copy of it). */
export async function verifyBackup(path: string, shownAs = path): Promise<VerifiedBackup> {
  const file = shownAs;
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(path, { fileMustExist: true });
  } catch (error) {
    throw new InvalidBackupError(file, `not an SQLite database (${(error as Error).message})`);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      throw new InvalidBackupError(file, `not an SQLite database (${(error as Error).message})`);
    }
    if (check !== 'ok') throw new InvalidBackupError(file, `SQLite's integrity check failed: ${String(check)}`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (row) => row.name,
      ),
    );
    if (!tables.has('kysely_migration') || !tables.has('sites') || !tables.has('messages')) {
      throw new InvalidBackupError(file, 'it is not a Parley database (no Parley tables in it)');
    }
    const applied = (db.prepare('SELECT name FROM kysely_migration').all() as Array<{ name: string }>).map(
      (row) => row.name,
    );
    const known = Object.keys(await migrationProvider('sqlite').getMigrations());
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new InvalidBackupError(
        file,
        `it was made by a newer Parley (migrations ${unknown.join(', ')} are unknown to this one): upgrade first`,
      );
    }
    return { migrations: applied.length, pending: known.filter((name) => !applied.includes(name)) };
  } finally {
    db.close();
  }
}
