/**
 * `parley restore` checks a backup before it touches the database: arbitrary bytes, a database that
 * is not Parley's, and one from a newer Parley are all refused, and the database stays as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreSqlite } from '../src/backup/sqlite-restore.ts';
import { InvalidBackupError } from '../src/backup/verify-backup.ts';
import { backupSqlite } from '../src/backup/sqlite-backup.ts';
import { openSqlStore } from '../src/store/sql/open-sql-store.ts';
import { makeDataDir } from './support/test-server.ts';

async function parleyDatabase(): Promise<string> {
  const file = path.join(makeDataDir(), 'parley.db');
  await (await openSqlStore({ engine: 'sqlite', file })).close();
  return file;
}

const now = new Date('2026-12-06T10:00:00Z');

describe('restore verification', () => {
  it('refuses any bytes that are not a Parley database, leaving the database alone', async () => {
    const database = await parleyDatabase();
    const before = fs.readFileSync(database);
    const dir = makeDataDir();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 8192 }), async (bytes) => {
        const file = path.join(dir, 'random.db');
        fs.writeFileSync(file, bytes);
        await expect(restoreSqlite(file, database, { now })).rejects.toThrow(InvalidBackupError);
        expect(fs.readFileSync(database).equals(before)).toBe(true);
        expect(fs.existsSync(`${database}.restoring`)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a database that is not Parley’s and one made by a newer Parley', async () => {
    const database = await parleyDatabase();
    const other = path.join(makeDataDir(), 'other.db');
    const db = new SqliteDatabase(other);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    db.close();
    await expect(restoreSqlite(other, database, { now })).rejects.toThrow(/not a Parley database/);

    const newer = path.join(makeDataDir(), 'newer.db');
    await backupSqlite(database, newer);
    const future = new SqliteDatabase(newer);
    future
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('9999_from_the_future', now.toISOString());
    future.close();
    await expect(restoreSqlite(newer, database, { now })).rejects.toThrow(/newer Parley.*9999_from_the_future/);

    const good = path.join(makeDataDir(), 'good.db');
    await backupSqlite(database, good);
    const result = await restoreSqlite(good, database, { now });
    expect(result).toMatchObject({ pending: [], setAside: `${database}.before-restore-20261206T100000Z` });

    // onto a new machine: no data directory yet, nothing to set aside
    const fresh = path.join(makeDataDir(), 'new-data-dir', 'parley.db');
    await expect(restoreSqlite(good, fresh, { now })).resolves.toMatchObject({ setAside: undefined, pending: [] });
    const store = await openSqlStore({ engine: 'sqlite', file: fresh });
    expect(await store.pendingMigrations()).toEqual([]);
    await store.close();
  });
});
