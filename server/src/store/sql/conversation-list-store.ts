/**
 * @module The filtered, keyset-paginated conversation list in SQL: ordered by (created_at, id)
 * descending, which the conversations_visitor_created and conversations_status_created indexes serve.
 */
import type { Kysely } from 'kysely';
import type { ConversationListStore } from '../conversation-list-store.ts';
import type { Database } from './schema.ts';
import { toConversation } from './mappers.ts';

export function createConversationListStore(db: Kysely<Database>): ConversationListStore {
  return {
    async list(filter) {
      if (filter.siteIds !== null && filter.siteIds.length === 0) return [];
      let query = db
        .selectFrom('conversations as c')
        .leftJoin('agents as a', 'a.id', 'c.agent_id')
        .leftJoin('visitors as v', 'v.id', 'c.visitor_id')
        .selectAll('c')
        .select([
          'a.name as agent_name',
          'v.name as visitor_name',
          'v.email as visitor_email',
          'v.verified as visitor_verified',
        ]);
      if (filter.siteIds !== null) query = query.where('c.site_id', 'in', filter.siteIds);
      if (filter.status !== undefined) query = query.where('c.status', '=', filter.status);
      if (filter.agentId !== undefined) query = query.where('c.agent_id', '=', filter.agentId);
      if (filter.visitorId !== undefined) query = query.where('c.visitor_id', '=', filter.visitorId);
      const before = filter.before;
      if (before !== undefined) {
        query = query.where((eb) =>
          eb.or([
            eb('c.created_at', '<', before.createdAt),
            eb.and([eb('c.created_at', '=', before.createdAt), eb('c.id', '<', before.id)]),
          ]),
        );
      }
      const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(filter.limit).execute();
      return rows.map(toConversation);
    },
  };
}
