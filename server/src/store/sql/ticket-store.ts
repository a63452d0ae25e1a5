/**
 * @module Tickets in SQL. Every write that also stores a message or mails does it in one
 * transaction, so a crash leaves either all of it or none (the outbox pattern). A message it
 * answers carries its files, as every message the stores answer does (withAttachments).
 */
import { sql, type Kysely } from 'kysely';
import type { Message, TicketSource, TicketStatus } from '@parley/shared';
import type { TicketChange, TicketRecord, TicketStore } from '../ticket-store.ts';
import type { Database, TicketsTable } from './schema.ts';
import { insertMails } from './outbox-rows.ts';
import { findMessageByClientId, insertMessage } from './message-rows.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { withAttachments } from './message-attachments.ts';

type TicketRow = TicketsTable & { assignee_name: string | null };

const toTicket = (row: TicketRow): TicketRecord => ({
  conversationId: row.conversation_id,
  siteId: row.site_id,
  visitorId: row.visitor_id,
  status: row.status as TicketStatus,
  source: row.source as TicketSource,
  email: row.email,
  assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
  createdAt: row.created_at,
  lastActivityAt: row.last_activity_at,
  solvedAt: row.solved_at,
  replyToken: row.reply_token,
  rootMessageId: row.root_message_id,
  lastMessageId: row.last_message_id,
});

/** The message with the files it holds (the emailed reply's, the agent reply's), looked up as a batch of one. */
const withFiles = async (q: Kysely<Database>, message: Message): Promise<Message> =>
  (await withAttachments(q, [message]))[0] ?? message;

function changeColumns(change: TicketChange): Partial<TicketsTable> {
  const columns: Partial<TicketsTable> = {};
  if (change.status !== undefined) columns.status = change.status;
  if (change.assigneeId !== undefined) columns.assignee_id = change.assigneeId;
  if (change.lastMessageId !== undefined) columns.last_message_id = change.lastMessageId;
  if (change.lastActivityAt !== undefined) columns.last_activity_at = change.lastActivityAt;
  if (change.solvedAt !== undefined) columns.solved_at = change.solvedAt;
  return columns;
}

export function createTicketStore(db: Kysely<Database>): TicketStore {
  const select = (q: Kysely<Database>) =>
    q
      .selectFrom('tickets as t')
      .leftJoin('agents as a', 'a.id', 't.assignee_id')
      .selectAll('t')
      .select('a.name as assignee_name');

  const one = async (q: Kysely<Database>, conversationId: string) => {
    const row = await select(q).where('t.conversation_id', '=', conversationId).executeTakeFirst();
    return row ? toTicket(row) : undefined;
  };

  const must = async (q: Kysely<Database>, conversationId: string) => {
    const ticket = await one(q, conversationId);
    if (!ticket) throw new Error(`ticket ${conversationId} vanished inside its own transaction`);
    return ticket;
  };

  return {
    findByConversation: (conversationId) => one(db, conversationId),
    async findByReplyToken(token) {
      const row = await select(db).where('t.reply_token', '=', token).executeTakeFirst();
      return row ? toTicket(row) : undefined;
    },
    async findBySentMessageId(messageIds) {
      if (messageIds.length === 0) return undefined;
      const sent = await db
        .selectFrom('mail_outbox')
        .select('conversation_id')
        .where('message_id', 'in', messageIds)
        .where('conversation_id', 'is not', null)
        .executeTakeFirst();
      return sent?.conversation_id ? one(db, sent.conversation_id) : undefined;
    },
    async open({ ticket, fromStatuses, mails }) {
      const id = ticket.conversationId;
      try {
        return await db.transaction().execute(async (trx) => {
          const existing = await one(trx, id);
          if (existing) return { ticket: existing, created: false };
          const moved = await trx
            .updateTable('conversations')
            .set({ status: 'offline' })
            .where('id', '=', id)
            .where('status', 'in', fromStatuses)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return undefined;
          await trx
            .insertInto('tickets')
            .values({
              conversation_id: id,
              site_id: ticket.siteId,
              visitor_id: ticket.visitorId,
              status: ticket.status,
              source: ticket.source,
              email: ticket.email,
              assignee_id: ticket.assigneeId,
              reply_token: ticket.replyToken,
              root_message_id: ticket.rootMessageId,
              last_message_id: ticket.lastMessageId,
              created_at: ticket.now,
              last_activity_at: ticket.now,
              solved_at: null,
            })
            .execute();
          await insertMails(trx, mails);
          return { ticket: await must(trx, id), created: true };
        });
      } catch (error) {
        // Another process made it a ticket between our check and our insert: theirs stands, with their mails.
        if (isUniqueViolation(error)) {
          const theirs = await one(db, id);
          if (theirs) return { ticket: theirs, created: false };
        }
        throw error;
      }
    },
    async appendMessage({ message, change, mails, attachmentIds = [] }) {
      const id = message.conversationId;
      const write = () =>
        db.transaction().execute(async (trx) => {
          if (message.clientMessageId !== null) {
            const earlier = await findMessageByClientId(trx, id, message.clientMessageId);
            if (earlier) return { message: await withFiles(trx, earlier), created: false, ticket: await must(trx, id) };
          }
          const stored = await insertMessage(trx, message);
          if (attachmentIds.length > 0)
            await trx
              .updateTable('attachments')
              .set({ message_id: stored.id })
              .where('id', 'in', [...attachmentIds])
              .where('conversation_id', '=', id)
              .where('message_id', 'is', null)
              .execute();
          const columns = changeColumns(change);
          if (Object.keys(columns).length > 0)
            await trx.updateTable('tickets').set(columns).where('conversation_id', '=', id).execute();
          await insertMails(trx, mails(stored));
          const answered = attachmentIds.length > 0 ? await withFiles(trx, stored) : stored;
          return { message: answered, created: true, ticket: await must(trx, id) };
        });
      try {
        return await write();
      } catch (error) {
        // Two deliveries of the same message raced: the loser answers with what the winner stored.
        if (message.clientMessageId !== null && isUniqueViolation(error)) {
          const earlier = await findMessageByClientId(db, id, message.clientMessageId);
          if (earlier) return { message: await withFiles(db, earlier), created: false, ticket: await must(db, id) };
        }
        throw error;
      }
    },
    async update(conversationId, change) {
      const columns = changeColumns(change);
      if (Object.keys(columns).length > 0) {
        await db.updateTable('tickets').set(columns).where('conversation_id', '=', conversationId).execute();
      }
      return one(db, conversationId);
    },
    async list({ status, email, limit, offset }) {
      let query = select(db);
      if (status) query = query.where('t.status', '=', status);
      if (email) {
        // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not
        const pattern = `%${email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where(sql<boolean>`lower(t.email) like ${pattern} escape '\\'`);
      }
      const rows = await query
        .orderBy('t.last_activity_at', 'desc')
        .orderBy('t.conversation_id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toTicket);
    },
    async agentsToNotify() {
      return db
        .selectFrom('agents')
        .select(['id', 'email', 'name'])
        .where('active', '=', 1)
        .orderBy('created_at')
        .execute();
    },
  };
}
