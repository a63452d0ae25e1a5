/**
 * @module Scheduled SQLite backups (BACKUP_DIR, BACKUP_INTERVAL_MINUTES, BACKUP_KEEP). The folder is
 * the schedule's memory: a backup is due when the newest one there (scheduled or taken by
 * `parley backup`) is an interval old by the server's clock, so a restart neither skips nor repeats
 * one. After each backup the oldest beyond BACKUP_KEEP are deleted. The timer only asks whether a
 * backup is due; tests call `tick()` with a moved clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { backupFileName, listBackups, pruneBackups } from './backup-files.ts';
import { backupSqlite, type BackupResult } from './sqlite-backup.ts';

export interface BackupTick {
  /** The backup this tick took, if one was due. */
  taken: BackupResult | undefined;
  /** Older backups deleted to keep BACKUP_KEEP. */
  deleted: string[];
}

/** How often the timer asks whether a backup is due, at most. */
const CHECK_EVERY_MS = 60_000;

export class BackupSchedule {
  readonly #deps: { databaseFile: string; config: BackupConfig; now: () => Date; logger: Logger };
  #running: Promise<BackupTick> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: { databaseFile: string; config: BackupConfig; now: () => Date; logger: Logger }) {
    this.#deps = deps;
  }

  /** One check now; a check already running is joined rather than backing up twice. */
  tick(): Promise<BackupTick> {
    this.#running ??= this.#check().finally(() => (this.#running = undefined));
    return this.#running;
  }

  start(): void {
    const { config, logger } = this.#deps;
    const every = Math.min(CHECK_EVERY_MS, config.intervalMinutes * 60_000);
    this.#timer = setInterval(() => {
      this.tick().catch((error: unknown) => logger.error('scheduled backup failed', { error }));
    }, every);
    // a stopping server is never held open by its backup timer
    this.#timer.unref();
  }

  /** Stops the timer and waits for a backup in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  async #check(): Promise<BackupTick> {
    const { databaseFile, config, now, logger } = this.#deps;
    const at = now();
    const newest = listBackups(config.dir).at(-1);
    if (newest && at.getTime() - newest.takenAt.getTime() < config.intervalMinutes * 60_000) {
      return { taken: undefined, deleted: [] };
    }
    fs.mkdirSync(config.dir, { recursive: true });
    const taken = await backupSqlite(databaseFile, path.join(config.dir, backupFileName(at)));
    const deleted = pruneBackups(config.dir, config.keep);
    logger.info('scheduled backup taken', { file: taken.file, bytes: taken.bytes, deleted: deleted.length });
    return { taken, deleted };
  }
}
