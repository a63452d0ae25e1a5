/**
 * @module Visitors in SQL: a row appears with a visitor's first conversation, identify or page view,
 * not with every anonymous page load; it carries the profile the host page told us.
 */
import type { Kysely } from 'kysely';
import type { VisitorStore } from '../visitor-store.ts';
import type { Database, VisitorsTable } from './schema.ts';
import { toVisitor } from './mappers.ts';
import { chunks } from './chunks.ts';

export function createVisitorStore(db: Kysely<Database>): VisitorStore {
  const ensure = async (id: string, siteId: string, now: string): Promise<void> => {
    await db
      .insertInto('visitors')
      .values({ id, site_id: siteId, name: null, email: null, created_at: now, last_seen_at: now, verified: 0 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen_at: now }))
      .execute();
  };
  const findById = async (id: string) => {
    const row = await db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toVisitor(row) : undefined;
  };

  return {
    ensure,
    findById,
    async findManyById(ids) {
      const visitors = [];
      for (const chunk of chunks(ids)) {
        const rows = await db.selectFrom('visitors').selectAll().where('id', 'in', chunk).execute();
        visitors.push(...rows.map(toVisitor));
      }
      return visitors;
    },
    async findVerifiedUser(siteId, externalUserId, excludeId, limit) {
      const rows = await db
        .selectFrom('visitors')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('external_user_id', '=', externalUserId)
        .where('verified', '=', 1)
        .where('id', '<>', excludeId)
        .orderBy('last_seen_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toVisitor);
    },
    async updateProfile(id, siteId, update, now) {
      await ensure(id, siteId, now);
      const changes: Partial<VisitorsTable> = {};
      if (update.externalUserId !== undefined) changes.external_user_id = update.externalUserId;
      if (update.name !== undefined) changes.name = update.name;
      if (update.email !== undefined) changes.email = update.email;
      if (update.attributes !== undefined) changes.attributes = JSON.stringify(update.attributes);
      if (update.verified !== undefined) changes.verified = update.verified ? 1 : 0;
      if (update.timeZone !== undefined) changes.time_zone = update.timeZone;
      if (Object.keys(changes).length > 0) await db.updateTable('visitors').set(changes).where('id', '=', id).execute();
      const visitor = await findById(id);
      if (!visitor) throw new Error(`visitor ${id} vanished right after upsert`);
      return visitor;
    },
  };
}
