/**
 * Scheduled backups (BACKUP_DIR, BACKUP_INTERVAL_MINUTES, BACKUP_KEEP) on a clock the test moves:
 * one backup per interval, none in between, the newest BACKUP_KEEP kept; and BACKUP_DIR is refused
 * beside DATABASE_URL, where pg_dump is the tool.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig, ConfigError } from '../src/config.ts';
import { backupFileName } from '../src/backup/backup-files.ts';
import { verifyBackup } from '../src/backup/verify-backup.ts';
import { makeDataDir, startTestServer, type TestServer } from './support/test-server.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('scheduled backups', () => {
  it('takes one backup per interval by the clock and keeps the newest BACKUP_KEEP', async () => {
    const backupDir = path.join(makeDataDir(), 'backups');
    let clock = new Date('2026-12-06T08:00:00Z');
    t = await startTestServer({
      now: () => clock,
      env: { BACKUP_DIR: backupDir, BACKUP_INTERVAL_MINUTES: '60', BACKUP_KEEP: '3' },
    });
    fs.mkdirSync(backupDir);
    // an operator's own file in the folder is never counted or deleted
    fs.writeFileSync(path.join(backupDir, 'notes.txt'), 'keep me');

    const first = await t.server.backupTick();
    expect(first?.taken?.file).toBe(path.join(backupDir, backupFileName(clock)));
    const taken = [backupFileName(clock)];
    // not yet an interval later: nothing to do
    clock = new Date(clock.getTime() + 59 * 60_000);
    expect(await t.server.backupTick()).toEqual({ taken: undefined, deleted: [] });

    for (let hour = 1; hour <= 4; hour++) {
      clock = new Date(Date.parse('2026-12-06T08:00:00Z') + hour * 60 * 60_000);
      const tick = await t.server.backupTick();
      expect(tick?.taken?.file).toBe(path.join(backupDir, backupFileName(clock)));
      taken.push(backupFileName(clock));
      expect(tick?.deleted).toEqual(taken.length > 3 ? [path.join(backupDir, taken[taken.length - 4] ?? '')] : []);
    }
    expect(fs.readdirSync(backupDir).sort()).toEqual([...taken.slice(-3), 'notes.txt'].sort());
    const newest = taken.at(-1) ?? '';
    expect(newest).toBe('parley-20261206T120000Z.db');
    // each is a whole Parley database
    await expect(verifyBackup(path.join(backupDir, newest))).resolves.toMatchObject({ pending: [] });
  }, 120_000);

  it('refuses BACKUP_DIR with DATABASE_URL, and has no schedule without BACKUP_DIR', async () => {
    expect(() =>
      parseConfig({ BACKUP_DIR: '/tmp/backups', DATABASE_URL: 'postgres://parley@localhost/parley' }),
    ).toThrow(ConfigError);
    expect(() => parseConfig({ BACKUP_DIR: '/tmp/backups', DATABASE_URL: 'postgres://x@y/z' })).toThrow(/pg_dump/);
    expect(parseConfig({}).backup).toBeUndefined();
    expect(parseConfig({ BACKUP_DIR: 'b' }).backup).toEqual({
      dir: path.resolve('b'),
      intervalMinutes: 1440,
      keep: 7,
    });
    t = await startTestServer();
    expect(await t.server.backupTick()).toBeUndefined();
  });
});
