/**
 * @module Retention and privacy requests in SQL. Each removal runs in one transaction and walks
 * every table that holds a conversation's or a visitor's data, children first (foreign keys).
 * A table added later that stores either must be added here; the retention tests read every table.
 */
import type { Kysely } from 'kysely';
import type { ConversationStatus, TicketStatus } from '@parley/shared';
import type { PrivacyStore } from '../privacy-store.ts';
import type { Database } from './schema.ts';
import { toMessage, toVisitor } from './mappers.ts';
import { withBotTables } from './bot/bot-tables.ts';

/** Bound on ids per statement: well under both engines' parameter limits. */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** What is said in a conversation, or sent about it: gone whether the conversation is deleted or anonymised. */
async function deleteContent(trx: Kysely<Database>, ids: string[]): Promise<void> {
  // attachment rows go with what was said; their files are deleted by the caller (DataRetention)
  await trx.deleteFrom('attachments').where('conversation_id', 'in', ids).execute();
  // revisions hold replaced and deleted texts: they go with the messages
  await trx.deleteFrom('message_revisions').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('messages').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('notes').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('transcript_requests').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('mail_outbox').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('mail_unseen_replies').where('conversation_id', 'in', ids).execute();
}

async function deleteConversationRows(trx: Kysely<Database>, ids: string[]): Promise<void> {
  await deleteContent(trx, ids);
  await trx.deleteFrom('tickets').where('conversation_id', 'in', ids).execute();
  await withBotTables(trx).deleteFrom('bot_conversations').where('conversation_id', 'in', ids).execute();
  await trx.deleteFrom('conversations').where('id', 'in', ids).execute();
}

export function createPrivacyStore(db: Kysely<Database>): PrivacyStore {
  return {
    async expiredConversations(cutoff, limit) {
      const rows = await db
        .selectFrom('conversations as c')
        .leftJoin('tickets as t', 't.conversation_id', 'c.id')
        .select('c.id')
        .where('c.anonymised_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('c.status', '=', 'closed'), eb('c.closed_at', '<', cutoff)]),
            eb.and([eb('c.status', '=', 'offline'), eb('t.status', '=', 'solved'), eb('t.solved_at', '<', cutoff)]),
            eb.and([
              eb('c.status', '=', 'offline'),
              eb('t.conversation_id', 'is', null),
              eb('c.created_at', '<', cutoff),
            ]),
          ]),
        )
        .orderBy('c.created_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async deleteConversations(ids) {
      for (const part of chunks(ids)) {
        await db.transaction().execute((trx) => deleteConversationRows(trx, part));
      }
    },
    async anonymiseConversations(ids, now) {
      for (const part of chunks(ids)) {
        await db.transaction().execute(async (trx) => {
          await deleteContent(trx, part);
          // The ticket stays for its status and times; its address and reply token go.
          const tickets = await trx
            .selectFrom('tickets')
            .select('conversation_id')
            .where('conversation_id', 'in', part)
            .execute();
          for (const { conversation_id } of tickets) {
            await trx
              .updateTable('tickets')
              .set({ email: '', reply_token: `anonymised:${conversation_id}` })
              .where('conversation_id', '=', conversation_id)
              .execute();
          }
          await trx
            .updateTable('conversations')
            .set({ rating_comment: null, anonymised_at: now })
            .where('id', 'in', part)
            .execute();
        });
      }
    },
    async forgetIdleVisitors(cutoff) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('page_views').where('at', '<', cutoff).execute();
        const idle = await trx
          .selectFrom('visitors as v')
          .select(['v.id', 'v.name', 'v.email', 'v.external_user_id', 'v.attributes'])
          .select((eb) =>
            eb
              .selectFrom('conversations as c')
              .select((c) => c.fn.countAll<number | string>().as('n'))
              .whereRef('c.visitor_id', '=', 'v.id')
              .where('c.anonymised_at', 'is', null)
              .as('kept'),
          )
          .select((eb) =>
            eb
              .selectFrom('conversations as c')
              .select((c) => c.fn.countAll<number | string>().as('n'))
              .whereRef('c.visitor_id', '=', 'v.id')
              .as('total'),
          )
          .where('v.last_seen_at', '<', cutoff)
          .execute();
        let touched = 0;
        for (const visitor of idle) {
          if (Number(visitor.kept) > 0) continue;
          const profileCleared = [visitor.name, visitor.email, visitor.external_user_id, visitor.attributes].every(
            (v) => v === null,
          );
          if (Number(visitor.total) > 0 && profileCleared) continue; // anonymised by an earlier sweep
          await trx.deleteFrom('page_views').where('visitor_id', '=', visitor.id).execute();
          if (Number(visitor.total) === 0) {
            await trx.deleteFrom('visitors').where('id', '=', visitor.id).execute();
          } else {
            await trx
              .updateTable('visitors')
              .set({ name: null, email: null, external_user_id: null, attributes: null, verified: 0 })
              .where('id', '=', visitor.id)
              .execute();
          }
          touched += 1;
        }
        return touched;
      });
    },
    async exportVisitor(visitorId) {
      const visitorRow = await db.selectFrom('visitors').selectAll().where('id', '=', visitorId).executeTakeFirst();
      if (!visitorRow) return undefined;
      const pageViews = await db
        .selectFrom('page_views')
        .select(['url', 'title', 'referrer', 'at'])
        .where('visitor_id', '=', visitorId)
        .orderBy('id')
        .execute();
      const conversations = await db
        .selectFrom('conversations as c')
        .leftJoin('tickets as t', 't.conversation_id', 'c.id')
        .select(['c.id', 'c.status', 'c.created_at', 'c.closed_at', 'c.rating', 'c.rating_comment'])
        .select([
          't.status as ticket_status',
          't.email as ticket_email',
          't.created_at as ticket_created_at',
          't.solved_at as ticket_solved_at',
        ])
        .where('c.visitor_id', '=', visitorId)
        .orderBy('c.created_at')
        .execute();
      const ids = conversations.map((c) => c.id);
      const messages =
        ids.length === 0
          ? []
          : await db.selectFrom('messages').selectAll().where('conversation_id', 'in', ids).orderBy('seq').execute();
      const transcripts =
        ids.length === 0
          ? []
          : await db
              .selectFrom('transcript_requests')
              .selectAll()
              .where('conversation_id', 'in', ids)
              .orderBy('requested_at')
              .execute();
      return {
        visitor: toVisitor(visitorRow),
        pageViews,
        conversations: conversations.map((c) => ({
          id: c.id,
          status: c.status as ConversationStatus,
          createdAt: c.created_at,
          closedAt: c.closed_at,
          rating: c.rating === null ? null : Number(c.rating),
          ratingComment: c.rating_comment,
          // private notes are the team's, not the visitor's: they are deleted with the visitor but not exported
          messages: messages.filter((m) => m.conversation_id === c.id).map(toMessage),
          ticket:
            c.ticket_status === null
              ? null
              : {
                  status: c.ticket_status as TicketStatus,
                  email: c.ticket_email ?? '',
                  createdAt: c.ticket_created_at ?? c.created_at,
                  solvedAt: c.ticket_solved_at,
                },
          transcriptRequests: transcripts
            .filter((t) => t.conversation_id === c.id)
            .map((t) => ({ email: t.email, requestedAt: t.requested_at, sentAt: t.sent_at })),
        })),
      };
    },
    async deleteVisitor(visitorId) {
      return db.transaction().execute(async (trx) => {
        const found = await trx.selectFrom('visitors').select('id').where('id', '=', visitorId).executeTakeFirst();
        if (!found) return false;
        const ids = (
          await trx.selectFrom('conversations').select('id').where('visitor_id', '=', visitorId).execute()
        ).map((r) => r.id);
        for (const part of chunks(ids)) await deleteConversationRows(trx, part);
        // tickets carry the visitor too (a ticket always has its conversation, but be thorough)
        await trx.deleteFrom('tickets').where('visitor_id', '=', visitorId).execute();
        await trx.deleteFrom('page_views').where('visitor_id', '=', visitorId).execute();
        await trx.deleteFrom('visitors').where('id', '=', visitorId).execute();
        return true;
      });
    },
  };
}
