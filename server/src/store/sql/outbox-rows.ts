/**
 * @module Outbox rows: mapping, and the one insert every mail takes (deduplicated by dedupe_key),
 * usable inside any transaction so mails are stored with the change that causes them.
 */
import type { Kysely } from 'kysely';
import type { MailKind, NewOutboxMail, OutboxMailRecord, OutboxStatus } from '../outbox-store.ts';
import type { Database, MailOutboxTable } from './schema.ts';

export function toOutboxRecord(row: MailOutboxTable): OutboxMailRecord {
  return {
    id: row.id,
    kind: row.kind as MailKind,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    references: JSON.parse(row.refs) as string[],
    replyTo: row.reply_to,
    conversationId: row.conversation_id,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    claimToken: row.claim_token,
    lastError: row.last_error,
    sentAt: row.sent_at,
    attachmentIds: row.attachment_ids === null ? [] : (JSON.parse(row.attachment_ids) as string[]),
  };
}

/** Inserts the mails, skipping any whose dedupe key is taken; returns how many were stored. */
export async function insertMails(db: Kysely<Database>, mails: NewOutboxMail[]): Promise<number> {
  let stored = 0;
  for (const mail of mails) {
    const result = await db
      .insertInto('mail_outbox')
      .values({
        id: mail.id,
        kind: mail.kind,
        to_address: mail.to,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        message_id: mail.messageId,
        in_reply_to: mail.inReplyTo,
        refs: JSON.stringify(mail.references),
        reply_to: mail.replyTo,
        conversation_id: mail.conversationId,
        dedupe_key: mail.dedupeKey,
        status: 'pending',
        attempts: 0,
        next_attempt_at: mail.createdAt,
        claim_token: null,
        last_error: null,
        created_at: mail.createdAt,
        sent_at: null,
        attachment_ids: mail.attachmentIds?.length ? JSON.stringify(mail.attachmentIds) : null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    stored += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return stored;
}
