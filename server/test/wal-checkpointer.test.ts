/**
 * SQLite's log is checkpointed by a worker thread with its own connection, while the main
 * connection (the one every socket waits on) never checkpoints: the log's frames reach the
 * database file, and what was written is all there after a reopen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpointer, type CheckpointRun } from '../src/store/sql/wal-checkpointer.ts';
import { openSqlStore } from '../src/store/sql/open-sql-store.ts';
import { siteFixture } from './support/site-fixture.ts';

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-wal-'));
  dirs.push(dir);
  return path.join(dir, 'parley.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints in a worker', () => {
  it('moves every committed frame into the database file without the writer checkpointing', async () => {
    const file = tempFile();
    const main = new SqliteDatabase(file);
    main.pragma('journal_mode = WAL');
    main.pragma('wal_autocheckpoint = 0');
    main.exec('create table t (id integer primary key, body text)');
    const insert = main.prepare('insert into t (body) values (?)');
    for (let i = 0; i < 2000; i++) insert.run(`message ${i} `.repeat(20));
    const walBefore = fs.statSync(`${file}-wal`).size;
    expect(walBefore).toBeGreaterThan(1_000_000);

    const errors: Error[] = [];
    const checkpointer = new WalCheckpointer(file, { intervalMs: 20, onError: (error) => errors.push(error) });
    const caughtUp = await new Promise<CheckpointRun>((resolve) => {
      checkpointer.onCheckpoint((run) => {
        if (run.logFrames > 0 && run.checkpointedFrames === run.logFrames) resolve(run);
      });
    });
    expect(caughtUp.logFrames).toBeGreaterThan(100);
    await checkpointer.stop();
    expect(errors).toEqual([]);

    // the next write starts the log over from its beginning: it does not keep growing
    insert.run('after the checkpoint');
    const [row] = main.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(row?.log).toBeLessThan(10);
    main.close();
    const reopened = new SqliteDatabase(file, { readonly: true });
    expect(reopened.prepare('select count(*) as n from t').get()).toEqual({ n: 2001 });
    reopened.close();
  });

  it('stops with the SQLite store: the log folded into the file, and everything there after a reopen', async () => {
    const file = tempFile();
    const store = await openSqlStore({ engine: 'sqlite', file });
    const site = await store.sites.create(siteFixture(new Date().toISOString(), { id: 'site_1' }));
    await store.visitors.updateProfile('vis_1', site.id, { name: 'Ada' }, new Date().toISOString());
    await store.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const again = await openSqlStore({ engine: 'sqlite', file });
    expect(await again.visitors.findById('vis_1')).toMatchObject({ name: 'Ada', siteId: 'site_1' });
    await again.close();
  });
});
