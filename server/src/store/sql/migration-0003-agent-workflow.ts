/**
 * @module Migration 0003: the agent's shift: a status each agent chooses (kept across reloads), a
 * routing mode per site, and private notes, in their own table so that no query a visitor's
 * request runs can ever read one.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const agentWorkflowMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // Existing agents keep today's behaviour: connected means routed.
    await db.schema
      .alterTable('agents')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('online'))
      .execute();
    await db.schema
      .alterTable('sites')
      .addColumn('routing_mode', 'text', (c) => c.notNull().defaultTo('automatic'))
      .execute();

    await db.schema
      .createTable('notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('client_note_id', 'text')
      .addColumn('after_seq', 'integer', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('transferred_to_id', 'text')
      .addColumn('transferred_to_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('notes_conversation_client_id', ['conversation_id', 'client_note_id'])
      .execute();
  },
};
