/**
 * @module Migration 0025 (issue 21, public API): API tokens, stored as a SHA-256 hash of the plain
 * token (which is random and long, so a fast hash is enough), and the answers to writes sent with an
 * Idempotency-Key, kept per token so a retried write from any process gets the first answer.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const apiTokensMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull()) // JSON array
      .addColumn('site_ids', 'text') // JSON array; null: every site
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('api_idempotency')
      .addColumn('token_id', 'text', (c) => c.notNull().references('api_tokens.id').onDelete('cascade'))
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      // null while the first request is still running
      .addColumn('status', 'integer')
      .addColumn('response', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('api_idempotency_pk', ['token_id', 'idempotency_key'])
      .execute();
    await db.schema.createIndex('api_idempotency_created').on('api_idempotency').column('created_at').execute();
  },
};
