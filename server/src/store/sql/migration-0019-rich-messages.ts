/**
 * @module Migration 0019: rich message content. A message's content (quick replies, a card, a form,
 * article links, or a visitor's answer to one) is one JSON text column; null for plain text. An answer
 * names the message it answers in answer_to, unique, so an offer is answered once even when two tabs
 * (or two servers) race. Canned responses may hold content too.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const richMessagesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('messages').addColumn('content', 'text').execute();
    await db.schema.alterTable('messages').addColumn('answer_to', 'text').execute();
    // several NULLs are allowed by both engines: only answers take part
    await db.schema.createIndex('messages_answer_to').on('messages').column('answer_to').unique().execute();
    await db.schema.alterTable('canned_responses').addColumn('content', 'text').execute();
  },
};
