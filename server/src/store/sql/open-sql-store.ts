/**
 * @module Opens the SQL store on SQLite (a file in the data dir) or PostgreSQL (DATABASE_URL) and
 * applies migrations. Both engines run the same kysely queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../store.ts';
import type { Database } from './schema.ts';
import { migrationProvider } from './migrations.ts';
import { withCachedStatements } from './cached-statements.ts';
import { createSiteStore } from './site-store.ts';
import { createAttachmentStore } from './attachment-store.ts';
import { createRichMessageStore } from './rich-message-store.ts';
import { createMessageChangeStore } from './message-change-store.ts';
import { createAgentStore } from './agent-store.ts';
import { createSessionStore } from './session-store.ts';
import { createVisitorStore } from './visitor-store.ts';
import { createConversationStore } from './conversation-store.ts';
import { createMessageStore } from './message-store.ts';
import { createPageViewStore } from './page-view-store.ts';
import { createTranscriptRequestStore } from './transcript-request-store.ts';
import { createVisitorMailStore } from './visitor-mail-store.ts';
import { createCannedResponseStore } from './canned-response-store.ts';
import { createNoteStore } from './note-store.ts';
import { createTicketStore } from './ticket-store.ts';
import { createOutboxStore } from './outbox-store.ts';
import { createMailJobStore } from './mail-job-store.ts';
import { createProactiveStore } from './proactive-store.ts';
import { createReportStore } from './report-store.ts';
import { createPrivacyStore } from './privacy-store.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { openHelpCenter } from './help/open-help-center.ts';
import { WalCheckpointer } from './wal-checkpointer.ts';
// answer bot (issue 22)
import { createExternalBotStore } from './bot/external-bot-store.ts';
import { createBotStore } from './bot/bot-store.ts';
import { createConversationQueries } from './conversation-queries.ts';
// public API (issue 21)
import { createApiTokenStore, createIdempotencyStore } from './api-token-store.ts';
import { createConversationListStore } from './conversation-list-store.ts';
import { createWebhookStore } from './webhook-store.ts';
import { acquireDatabaseLock } from '../../backup/database-lock.ts';
import { createSiteExportStore } from './site-export-store.ts';

export type SqlTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface SqlStoreOptions {
  /**
   * An idle pooled connection failed (the server restarted or terminated it). The pool has already
   * dropped it and opens a new one on demand; without a listener Node would crash the process.
   */
  onIdleConnectionError?: (error: Error) => void;
  /** Told which migrations this opening applied (`parley migrate` lists them). */
  onMigrated?: (applied: string[]) => void;
}

/** How often the worker checkpoints SQLite's log: often enough that it stays a few MB under load. */
const CHECKPOINT_INTERVAL_MS = 250;

interface OpenDb {
  db: Kysely<Database>;
  /** Closes what the engine needs beside the connection (SQLite's checkpoint worker). */
  closeExtras: () => Promise<void>;
  /** After the connection closed: lets go of the SQLite file's lock. */
  releaseLock: () => void;
}

async function createDb(
  target: SqlTarget,
  options: SqlStoreOptions,
  reportError: (error: unknown) => void,
): Promise<OpenDb> {
  if (target.engine === 'postgres') {
    // loaded only for PostgreSQL: a SQLite process never pays for the driver
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    pool.on('error', (error) => options.onIdleConnectionError?.(error));
    // the pool as kysely sees it: a connection that cannot be opened is a storage error too
    const counted = {
      connect: async () => {
        try {
          return await pool.connect();
        } catch (error) {
          reportError(error);
          throw error;
        }
      },
      end: () => pool.end(),
      options: pool.options,
    };
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: counted }),
      log: queryErrorLog(reportError),
    });
    return { db, closeExtras: async () => {}, releaseLock: () => undefined };
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  // held while the file is open: `parley restore` refuses a database in use (backup/database-lock.ts)
  const lock = acquireDatabaseLock(target.file, 'shared');
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(target.file);
  } catch (error) {
    lock.release();
    throw error;
  }
  // WAL keeps readers off the writer's back; synchronous=NORMAL is durable across process crashes in WAL mode.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // checkpoints run in a worker (wal-checkpointer.ts), off the event loop every socket waits on
  database.pragma('wal_autocheckpoint = 0');
  // once the log restarts after a full checkpoint, its file shrinks back to this
  database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const checkpointer = new WalCheckpointer(target.file, {
    intervalMs: CHECKPOINT_INTERVAL_MS,
    onError: reportError,
  });
  // SQLite has no LEAST(); min() with two arguments is the same thing.
  database.function('least', { deterministic: true }, (a: unknown, b: unknown) => Math.min(Number(a), Number(b)));
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withCachedStatements(database) }),
    log: queryErrorLog(reportError),
  });
  return { db, closeExtras: () => checkpointer.stop(), releaseLock: () => lock.release() };
}

function queryErrorLog(reportError: (error: unknown) => void): (event: LogEvent) => void {
  return (event) => {
    if (event.level === 'error' && !isUniqueViolation(event.error)) reportError(event.error);
  };
}

export async function openSqlStore(target: SqlTarget, options: SqlStoreOptions = {}): Promise<Store> {
  const errorListeners = new Set<(error: unknown) => void>();
  const { db, closeExtras, releaseLock } = await createDb(target, options, (error) => {
    for (const listener of errorListeners) listener(error);
  });
  const migrator = new Migrator({ db, provider: migrationProvider(target.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await closeExtras();
    await db.destroy();
    releaseLock();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
  options.onMigrated?.((results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName));
  return {
    engine: target.engine,
    sites: createSiteStore(db),
    agents: createAgentStore(db),
    sessions: createSessionStore(db),
    visitors: createVisitorStore(db),
    conversations: createConversationStore(db, target.engine),
    messages: createMessageStore(db),
    pageViews: createPageViewStore(db),
    transcriptRequests: createTranscriptRequestStore(db),
    visitorMail: createVisitorMailStore(db),
    cannedResponses: createCannedResponseStore(db),
    notes: createNoteStore(db),
    tickets: createTicketStore(db),
    outbox: createOutboxStore(db, target.engine),
    mailJobs: createMailJobStore(db, target.engine),
    proactive: createProactiveStore(db),
    reports: createReportStore(db),
    privacy: createPrivacyStore(db),
    attachments: createAttachmentStore(db),
    ...openHelpCenter(db, target.engine),
    richMessages: createRichMessageStore(db),
    messageChanges: createMessageChangeStore(db),
    // answer bot (issue 22)
    bots: createBotStore(db, createConversationQueries(db).findById),
    externalBots: createExternalBotStore(db),
    // public API (issue 21)
    apiTokens: createApiTokenStore(db),
    idempotency: createIdempotencyStore(db),
    conversationList: createConversationListStore(db),
    webhooks: createWebhookStore(db, target.engine),
    siteExport: createSiteExportStore(db),
    async pendingMigrations() {
      const migrations = await migrator.getMigrations();
      return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    onError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    async close() {
      await closeExtras();
      await db.destroy();
      releaseLock();
    },
  };
}

/** The SQLite database file of a data directory. */
export const sqliteFileOf = (config: Pick<Config, 'dataDir'>): string => path.join(config.dataDir, 'parley.db');

/** The database the configuration names: PostgreSQL at DATABASE_URL, else SQLite in the data directory. */
export function sqlTargetOf(config: Pick<Config, 'databaseUrl' | 'dataDir'>): SqlTarget {
  return config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl }
    : { engine: 'sqlite', file: sqliteFileOf(config) };
}

/**
 * The store the configuration names: PostgreSQL at DATABASE_URL, else SQLite in the data directory.
 * main.ts (and the test server) open it and hand it to startParley; whoever opens it closes it.
 */
export function openConfiguredStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<Store> {
  return openSqlStore(sqlTargetOf(config), {
    onIdleConnectionError: (error) => logger.warn('idle database connection lost; the pool reconnects', { error }),
  });
}
