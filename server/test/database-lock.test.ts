/**
 * The lock that keeps `parley restore` off a database in use: shared for every opener, exclusive for
 * a restore; held by the operating system, so a killed server leaves no stale lock behind, and a
 * server that starts during a restore says why it cannot.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDatabaseLock, DatabaseInUseError, type HeldLock } from '../src/backup/database-lock.ts';
import { runParley } from './support/cli.ts';
import { makeDataDir } from './support/test-server.ts';
import { runServerToExit, spawnServer, type ServerProcess } from './support/server-process.ts';

let running: ServerProcess | undefined;
const held: HeldLock[] = [];
afterEach(async () => {
  for (const lock of held.splice(0)) lock.release();
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = undefined;
});

describe('database lock', () => {
  it('lets openers share it and keeps a restore out until the last one lets go', () => {
    const file = path.join(makeDataDir(), 'parley.db');
    const server = acquireDatabaseLock(file, 'shared');
    const command = acquireDatabaseLock(file, 'shared');
    held.push(server, command);
    expect(() => acquireDatabaseLock(file, 'exclusive', { waitMs: 0 })).toThrow(DatabaseInUseError);
    server.release();
    expect(() => acquireDatabaseLock(file, 'exclusive', { waitMs: 0 })).toThrow(/in use by a running Parley/);
    command.release();
    const restore = acquireDatabaseLock(file, 'exclusive', { waitMs: 0 });
    held.push(restore);
    expect(() => acquireDatabaseLock(file, 'shared', { waitMs: 0 })).toThrow(/parley restore/);
    restore.release();
    held.push(acquireDatabaseLock(file, 'shared', { waitMs: 0 }));
  });

  it('is let go by a server killed with SIGKILL, and stops a server starting during a restore', async () => {
    const dataDir = makeDataDir();
    const env = {
      PARLEY_DATA_DIR: dataDir,
      PARLEY_ADMIN_EMAIL: 'admin@example.com',
      PARLEY_ADMIN_PASSWORD: 'pw-long-enough',
    };
    running = await spawnServer(env);
    const backup = path.join(makeDataDir(), 'b.db');
    expect((await runParley(['backup', backup], { env })).code).toBe(0);
    expect((await runParley(['restore', backup], { env })).code).toBe(4);

    running.child.kill('SIGKILL');
    await running.exited;
    // no goodbye, no clean-up: the operating system released its lock with the process
    const restored = await runParley(['restore', backup], { env });
    expect(restored.code, restored.stderr).toBe(0);

    // a restore in progress (its exclusive lock, held here) keeps a starting server out, saying why
    const restore = acquireDatabaseLock(path.join(dataDir, 'parley.db'), 'exclusive', { waitMs: 0 });
    held.push(restore);
    const refused = await runServerToExit(env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('being replaced by `parley restore`');
  }, 180_000);
});
