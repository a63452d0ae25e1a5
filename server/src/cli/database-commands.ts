/**
 * @module `parley migrate`, `parley backup`, `parley restore`: the database itself. Backups of the
 * SQLite file are online (the server may keep running); PostgreSQL has its own tools for both,
 * which these commands name rather than imitate (docs/backups.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openSqlStore, sqlTargetOf } from '../store/sql/open-sql-store.ts';
import { acquireDatabaseLock } from '../backup/database-lock.ts';
import { backupFileName } from '../backup/backup-files.ts';
import { backupSqlite } from '../backup/sqlite-backup.ts';
import { restoreSqlite } from '../backup/sqlite-restore.ts';
import { InvalidBackupError } from '../backup/verify-backup.ts';
import type { CliContext } from './cli-context.ts';
import { action, text } from './cli-action.ts';
import { CliError, ExitCode } from './exit-codes.ts';

const PG_BACKUP = [
  'This Parley runs on PostgreSQL (DATABASE_URL): back it up with PostgreSQL’s own tools, e.g.',
  '  pg_dump --format=custom --file=parley.dump "$DATABASE_URL"',
  'and continuous archiving for point-in-time recovery. See docs/backups.md, which also lists what',
  'else to keep (PARLEY_SECRET, sites’ identity secrets live in the database, attachment storage).',
].join('\n');

const PG_RESTORE = [
  'This Parley runs on PostgreSQL (DATABASE_URL): restore with PostgreSQL’s own tools, e.g.',
  '  pg_restore --clean --if-exists --dbname="$DATABASE_URL" parley.dump',
  'with every Parley process stopped. See docs/backups.md.',
].join('\n');

/** The SQLite file, or an exit with what to do on PostgreSQL. */
function sqliteFile(context: CliContext, onPostgres: string): string {
  const target = sqlTargetOf(context.config);
  if (target.engine === 'postgres') throw new CliError(ExitCode.WrongEngine, onPostgres);
  return target.file;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description(
      'Apply the database migrations this Parley has and the database lacks (the server also does at start).',
    )
    .action(
      action(async ({ context, out }) => {
        let applied: string[] = [];
        const target = sqlTargetOf(context.config);
        const store = await openSqlStore(target, { onMigrated: (names) => (applied = names) });
        await store.close();
        out.result({ engine: target.engine, applied }, () =>
          applied.length === 0
            ? [`The ${target.engine} database is up to date.`]
            : [
                `Applied ${applied.length} migration(s) to the ${target.engine} database:`,
                ...applied.map((n) => `  ${n}`),
              ],
        );
      }),
    );

  program
    .command('backup')
    .description(
      'Back up the SQLite database while Parley runs: a consistent, verified copy in one file. ' +
        'On PostgreSQL, explains pg_dump and exits with 5.',
    )
    .argument('[file]', 'where to write it (default: BACKUP_DIR, else this folder, as parley-<UTC time>.db)')
    .action(
      action(async ({ context, out, args }) => {
        const source = sqliteFile(context, PG_BACKUP);
        if (!fs.existsSync(source)) {
          throw new CliError(ExitCode.NotFound, `No database at ${source}: check PARLEY_DATA_DIR`);
        }
        const named = text(args[0]);
        const target = path.resolve(
          named || path.join(context.config.backup?.dir ?? '.', backupFileName(context.now())),
        );
        if (fs.existsSync(target)) throw new CliError(ExitCode.Refused, `${target} exists already: name another file`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        // held through the copy: a restore cannot swap the file out from under it
        const lock = acquireDatabaseLock(source, 'shared');
        try {
          const result = await backupSqlite(source, target, {
            onProgress: ({ totalPages, remainingPages }) =>
              out.progress(
                `Backing up: ${Math.floor(((totalPages - remainingPages) / Math.max(1, totalPages)) * 100)}% of ${totalPages} pages`,
              ),
          });
          out.result({ file: result.file, bytes: result.bytes }, () => [
            `Backed up to ${result.file} (${megabytes(result.bytes)}, integrity checked).`,
          ]);
        } finally {
          lock.release();
        }
      }),
    );

  program
    .command('restore')
    .description(
      'Replace the SQLite database with a backup, after checking it. Refused while Parley (or any parley ' +
        'command) has the database open; the replaced database is kept beside it. On PostgreSQL, explains pg_restore.',
    )
    .argument('<file>', 'a backup written by `parley backup` (or the schedule)')
    .action(
      action(async ({ context, out, args }) => {
        const databaseFile = sqliteFile(context, PG_RESTORE);
        const backup = path.resolve(text(args[0]));
        if (!fs.existsSync(backup)) throw new CliError(ExitCode.NotFound, `No such file: ${backup}`);
        try {
          const result = await restoreSqlite(backup, databaseFile, {
            now: context.now(),
            onStep: (step) => out.progress(`Restoring: ${step}`),
          });
          out.result({ restored: backup, database: databaseFile, ...result }, () => [
            `Restored ${backup} to ${databaseFile}.`,
            ...(result.setAside ? [`The database it replaced is kept as ${result.setAside}.`] : []),
            ...(result.pending.length > 0
              ? [`Parley applies ${result.pending.length} newer migration(s) to it when it starts.`]
              : []),
          ]);
        } catch (error) {
          if (error instanceof InvalidBackupError) throw new CliError(ExitCode.Failure, error.message);
          throw error;
        }
      }),
    );
}
