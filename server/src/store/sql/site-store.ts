/**
 * @module Sites in SQL.
 */
import type { Kysely } from 'kysely';
import type { NewSite, SiteRecord, SiteStore } from '../types.ts';
import type { Database } from './schema.ts';
import { toSite } from './mappers.ts';

export function createSiteStore(db: Kysely<Database>): SiteStore {
  return {
    async findByKey(siteKey) {
      const row = await db.selectFrom('sites').selectAll().where('site_key', '=', siteKey).executeTakeFirst();
      return row ? toSite(row) : undefined;
    },
    async findDemo() {
      const row = await db.selectFrom('sites').selectAll().where('is_demo', '=', 1).orderBy('created_at').executeTakeFirst();
      return row ? toSite(row) : undefined;
    },
    async create(site: NewSite): Promise<SiteRecord> {
      const row = {
        id: site.id,
        name: site.name,
        site_key: site.siteKey,
        allowed_origins: JSON.stringify(site.allowedOrigins),
        color: site.color,
        greeting: site.greeting,
        position: site.position,
        is_demo: site.isDemo ? 1 : 0,
        created_at: site.createdAt,
      };
      await db.insertInto('sites').values(row).execute();
      return toSite(row);
    },
    async setAllowedOrigins(id, origins) {
      await db.updateTable('sites').set({ allowed_origins: JSON.stringify(origins) }).where('id', '=', id).execute();
    },
  };
}
