/**
 * @module Migration 0020: quoted replies, edits and deletes. A message may name the message it answers
 * (reply_to_id); an edit or delete stamps it (edited_at, deleted_at) with the conversation's next change
 * number (conversations.change_seq → messages.change_seq), so a client that held it learns of the change
 * on resume. The text each change replaced is kept in message_revisions, for admins only.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const messageEditsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // one column per statement: SQLite's ALTER TABLE adds one at a time
    await db.schema.alterTable('messages').addColumn('reply_to_id', 'text').execute();
    await db.schema.alterTable('messages').addColumn('edited_at', 'text').execute();
    await db.schema.alterTable('messages').addColumn('deleted_at', 'text').execute();
    await db.schema
      .alterTable('messages')
      .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('conversations')
      .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('message_revisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('previous_body', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('client_change_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      // a retried edit finds the one it made: applied once
      .addUniqueConstraint('message_revisions_client_change', ['message_id', 'client_change_id'])
      .execute();
    await db.schema
      .createIndex('message_revisions_conversation')
      .on('message_revisions')
      .column('conversation_id')
      .execute();
    // resume reads a conversation's messages changed after a change number
    await db.schema
      .createIndex('messages_conversation_change')
      .on('messages')
      .columns(['conversation_id', 'change_seq'])
      .execute();
  },
};
