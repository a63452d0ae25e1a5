/**
 * @module Counts for the limits on mail to visitor-given addresses, in SQL: ticket confirmations in
 * the outbox and transcript requests since a moment, each joined to its conversation for the
 * visitor and the site. Indexed by kind and time (migration 0013), so a count reads one hour's rows.
 */
import { sql, type Kysely } from 'kysely';
import type { VisitorMailStore } from '../visitor-mail-store.ts';
import type { Database } from './schema.ts';

const countOf = (value: unknown): number => Number(value ?? 0);

export function createVisitorMailStore(db: Kysely<Database>): VisitorMailStore {
  return {
    async countSince({ since, address, visitorId, siteId }) {
      const normalized = address.trim().toLowerCase();
      const confirmations = await db
        .selectFrom('mail_outbox as o')
        .innerJoin('conversations as c', 'c.id', 'o.conversation_id')
        .where('o.kind', '=', 'ticket_confirmation')
        .where('o.created_at', '>=', since)
        .select([
          sql<number>`sum(case when lower(o.to_address) = ${normalized} then 1 else 0 end)`.as('to_address'),
          sql<number>`sum(case when c.visitor_id = ${visitorId} then 1 else 0 end)`.as('by_visitor'),
          sql<number>`sum(case when c.site_id = ${siteId} then 1 else 0 end)`.as('on_site'),
        ])
        .executeTakeFirst();
      const transcripts = await db
        .selectFrom('transcript_requests as r')
        .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
        .where('r.requested_at', '>=', since)
        .select([
          sql<number>`sum(case when lower(r.email) = ${normalized} then 1 else 0 end)`.as('to_address'),
          sql<number>`sum(case when c.visitor_id = ${visitorId} then 1 else 0 end)`.as('by_visitor'),
          sql<number>`sum(case when c.site_id = ${siteId} then 1 else 0 end)`.as('on_site'),
        ])
        .executeTakeFirst();
      return {
        toAddress: countOf(confirmations?.to_address) + countOf(transcripts?.to_address),
        byVisitor: countOf(confirmations?.by_visitor) + countOf(transcripts?.by_visitor),
        onSite: countOf(confirmations?.on_site) + countOf(transcripts?.on_site),
      };
    },
  };
}
