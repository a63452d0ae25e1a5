/**
 * @module Report reads in SQL: the recorded facts of a range of conversations, and the queue now.
 * Figures are computed by the domain (domain/reports.ts) so both engines give the same numbers.
 */
import type { Kysely } from 'kysely';
import type { ConversationStatus, TicketStatus } from '@parley/shared';
import type { ReportStore } from '../report-store.ts';
import type { Database } from './schema.ts';

export function createReportStore(db: Kysely<Database>): ReportStore {
  return {
    async conversationFacts({ from, to, siteId }) {
      let query = db
        .selectFrom('conversations as c')
        .leftJoin('tickets as t', 't.conversation_id', 'c.id')
        .select([
          'c.id',
          'c.site_id',
          'c.agent_id',
          'c.status',
          'c.created_at',
          'c.first_assigned_at',
          'c.first_agent_reply_at',
          'c.closed_at',
          'c.transfer_count',
          'c.reopen_count',
          'c.rating',
          'c.started_by_rule_id',
          'c.closed_by',
          't.status as ticket_status',
          't.solved_at as ticket_solved_at',
        ])
        .where('c.created_at', '>=', from)
        .where('c.created_at', '<', to);
      if (siteId !== undefined) query = query.where('c.site_id', '=', siteId);
      const rows = await query.orderBy('c.created_at').orderBy('c.id').execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        agentId: r.agent_id,
        status: r.status as ConversationStatus,
        createdAt: r.created_at,
        firstAssignedAt: r.first_assigned_at,
        firstAgentReplyAt: r.first_agent_reply_at,
        closedAt: r.closed_at,
        transferCount: Number(r.transfer_count),
        reopenCount: Number(r.reopen_count),
        ticket:
          r.ticket_status === null ? null : { status: r.ticket_status as TicketStatus, solvedAt: r.ticket_solved_at },
        rating: r.rating === null ? null : Number(r.rating),
        startedByRuleId: r.started_by_rule_id,
        closedBy: r.closed_by,
      }));
    },
    async waiting() {
      const row = await db
        .selectFrom('conversations')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('count'),
          eb.fn.min<string | null>('created_at').as('oldest'),
        ])
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return { count: Number(row?.count ?? 0), oldestCreatedAt: row?.oldest ?? null };
    },
  };
}
