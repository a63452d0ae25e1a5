/**
 * @module Puts a backup in place of the SQLite database. With the database lock held exclusively
 * (so no Parley runs on the file, and none starts meanwhile), the backup is copied beside the
 * database, verified there, the current database (with its -wal and -shm, which belong to it) is
 * set aside as `parley.db.before-restore-<time>`, and the copy renamed into place: a rename on one
 * file system, so the database is at every moment either the old one or the verified new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { acquireDatabaseLock } from './database-lock.ts';
import { backupFileName } from './backup-files.ts';
import { verifyBackup, type VerifiedBackup } from './verify-backup.ts';

export interface RestoreResult extends VerifiedBackup {
  /** Where the database that was replaced now is (undefined when there was none). */
  setAside: string | undefined;
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

export async function restoreSqlite(
  backupFile: string,
  databaseFile: string,
  options: { now: Date; onStep?: (step: string) => void },
): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile)) throw new Error(`no such file: ${backupFile}`);
  // a new machine's data directory may not exist yet: restoring there is what a backup is for
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const lock = acquireDatabaseLock(databaseFile, 'exclusive', { waitMs: 0 });
  const staging = `${databaseFile}.restoring`;
  try {
    for (const side of SIDE_FILES) fs.rmSync(staging + side, { force: true });
    options.onStep?.(`copying ${backupFile}`);
    fs.copyFileSync(backupFile, staging);
    options.onStep?.('verifying the copy');
    const verified = await verifyBackup(staging, backupFile);
    let setAside: string | undefined;
    if (fs.existsSync(databaseFile)) {
      setAside = `${databaseFile}.before-restore-${backupFileName(options.now).slice('parley-'.length, -'.db'.length)}`;
      options.onStep?.(`setting the current database aside as ${setAside}`);
      for (const side of SIDE_FILES) {
        if (fs.existsSync(databaseFile + side)) fs.renameSync(databaseFile + side, setAside + side);
      }
    }
    fs.renameSync(staging, databaseFile);
    return { ...verified, setAside };
  } catch (error) {
    for (const side of SIDE_FILES) fs.rmSync(staging + side, { force: true });
    throw error;
  } finally {
    lock.release();
  }
}
