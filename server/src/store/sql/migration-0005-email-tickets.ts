/**
 * @module Migration 0005: email tickets. A ticket row beside its conversation (the conversation keeps
 * the messages), the durable mail outbox, and the unseen-replies digest marks.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const emailTicketsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tickets')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text', (c) => c.references('agents.id'))
      .addColumn('reply_token', 'text', (c) => c.notNull().unique())
      .addColumn('root_message_id', 'text', (c) => c.notNull())
      .addColumn('last_message_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_activity_at', 'text', (c) => c.notNull())
      .addColumn('solved_at', 'text')
      .execute();
    await db.schema
      .createIndex('tickets_status_activity')
      .on('tickets')
      .columns(['status', 'last_activity_at'])
      .execute();
    await db.schema.createIndex('tickets_email').on('tickets').column('email').execute();

    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('in_reply_to', 'text')
      .addColumn('refs', 'text', (c) => c.notNull()) // JSON array of Message-IDs
      .addColumn('reply_to', 'text')
      .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
      // Several NULLs are allowed by a unique constraint in both engines: only keyed mails are deduplicated.
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claim_token', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('mail_outbox_conversation').on('mail_outbox').column('conversation_id').execute();

    await db.schema
      .createTable('mail_unseen_replies')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
      .addColumn('emailed_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('due_at', 'text')
      .execute();
    await db.schema.createIndex('mail_unseen_replies_due').on('mail_unseen_replies').column('due_at').execute();
  },
};
