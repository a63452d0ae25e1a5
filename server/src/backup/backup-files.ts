/**
 * @module The backups in a folder: named `parley-<UTC time>.db` after the moment they were taken,
 * so their names sort by age and say when they are from. Only names of this shape are ever listed
 * or deleted: anything else an operator keeps in the folder is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';

const NAME = /^parley-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db$/;

export interface BackupFile {
  file: string;
  takenAt: Date;
}

/** `parley-20261206T101500Z.db` for 2026-12-06 10:15:00 UTC. */
export function backupFileName(takenAt: Date): string {
  const stamp = takenAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `parley-${stamp}.db`;
}

/** The backups in `dir`, oldest first (none when the folder does not exist yet). */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, y, mo, d, h, mi, s] = m;
    backups.push({ file: path.join(dir, name), takenAt: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) });
  }
  return backups.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

/** Deletes all but the newest `keep` backups in `dir`; returns the files deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = listBackups(dir);
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const { file } of old) fs.rmSync(file, { force: true });
  return old.map((b) => b.file);
}
