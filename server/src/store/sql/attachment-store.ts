/**
 * @module Attachments in SQL.
 */
import type { Kysely } from 'kysely';
import type { Attachment } from '@parley/shared';
import { toAttachment, type AttachmentRecord, type AttachmentStore } from '../attachment-store.ts';
import type { AttachmentsTable, Database } from './schema.ts';
import { chunks } from './chunks.ts';

function toRecord(row: AttachmentsTable): AttachmentRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    uploader: { kind: row.uploader_kind === 'agent' ? 'agent' : 'visitor', id: row.uploader_id },
    name: row.name,
    type: row.type,
    size: Number(row.size),
    storageKey: row.storage_key,
    thumbnailKey: row.thumbnail_key,
    messageId: row.message_id,
    createdAt: row.created_at,
  };
}

/** The attachments of these messages, in upload order, by message id: one query per chunk of ids. */
export async function attachmentsOfMessages(
  db: Kysely<Database>,
  messageIds: readonly string[],
): Promise<Map<string, Attachment[]>> {
  const byMessage = new Map<string, Attachment[]>();
  for (const part of chunks([...messageIds])) {
    const rows = await db
      .selectFrom('attachments')
      .selectAll()
      .where('message_id', 'in', part)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const list = byMessage.get(row.message_id ?? '') ?? [];
      list.push(toAttachment(toRecord(row)));
      byMessage.set(row.message_id ?? '', list);
    }
  }
  return byMessage;
}

export function createAttachmentStore(db: Kysely<Database>): AttachmentStore {
  return {
    async create(record) {
      await db
        .insertInto('attachments')
        .values({
          id: record.id,
          conversation_id: record.conversationId,
          uploader_kind: record.uploader.kind,
          uploader_id: record.uploader.id,
          name: record.name,
          type: record.type,
          size: record.size,
          storage_key: record.storageKey,
          thumbnail_key: record.thumbnailKey,
          message_id: record.messageId,
          created_at: record.createdAt,
        })
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async listByConversations(conversationIds) {
      const records: AttachmentRecord[] = [];
      for (const part of chunks([...conversationIds])) {
        const rows = await db
          .selectFrom('attachments')
          .selectAll()
          .where('conversation_id', 'in', part)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        records.push(...rows.map(toRecord));
      }
      return records;
    },
    async listByVisitor(visitorId) {
      const rows = await db
        .selectFrom('attachments')
        .innerJoin('conversations', 'conversations.id', 'attachments.conversation_id')
        .selectAll('attachments')
        .where('conversations.visitor_id', '=', visitorId)
        .orderBy('attachments.created_at')
        .orderBy('attachments.id')
        .execute();
      return rows.map(toRecord);
    },
    listForMessages: (messageIds) => attachmentsOfMessages(db, messageIds),
    async agentHasReplied(conversationId) {
      const row = await db
        .selectFrom('messages')
        .select('id')
        .where('conversation_id', '=', conversationId)
        .where('author_kind', '=', 'agent')
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async deleteUnlinked(ids) {
      const removed: AttachmentRecord[] = [];
      for (const part of chunks([...ids])) {
        const rows = await db
          .deleteFrom('attachments')
          .where('id', 'in', part)
          .where('message_id', 'is', null)
          .returningAll()
          .execute();
        removed.push(...rows.map(toRecord));
      }
      return removed;
    },
  };
}
