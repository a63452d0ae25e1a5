/**
 * @module Migration 0018: attachments. Each file uploaded into a conversation is a row naming where its
 * bytes are (storage_key, and thumbnail_key for images) and, once a message references it, that
 * message. A site's upload settings are one JSON column (null: the defaults).
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const attachmentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('attachments', 'text').execute();
    await db.schema
      .createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('uploader_kind', 'text', (c) => c.notNull())
      .addColumn('uploader_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('thumbnail_key', 'text')
      .addColumn('message_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_conversation').on('attachments').column('conversation_id').execute();
    await db.schema.createIndex('attachments_message').on('attachments').column('message_id').execute();
  },
};
