/**
 * @module Migration 0007: what reports need, recorded on the conversation as it happens (first
 * assignment, first agent reply, transfers, reopens), the proactive rule that started it, and the
 * retention mark of an anonymised conversation. Queued at is created_at; closed at, CSAT and the
 * ticket (tickets table) were already stored.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const conversationFactsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('conversations')
      // assigned_at is cleared when an agent's chats are requeued; this one keeps the first time.
      .addColumn('first_assigned_at', 'text')
      .execute();
    await db.schema.alterTable('conversations').addColumn('first_agent_reply_at', 'text').execute();
    await db.schema
      .alterTable('conversations')
      .addColumn('transfer_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('conversations')
      .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // No foreign key: a deleted rule must not take its conversations' history with it.
    await db.schema.alterTable('conversations').addColumn('started_by_rule_id', 'text').execute();
    await db.schema.alterTable('conversations').addColumn('anonymised_at', 'text').execute();
    await db.schema
      .createIndex('conversations_site_created')
      .on('conversations')
      .columns(['site_id', 'created_at'])
      .execute();
    await db.schema.createIndex('conversations_created').on('conversations').column('created_at').execute();
    await db.schema.createIndex('page_views_at').on('page_views').column('at').execute();
  },
};
