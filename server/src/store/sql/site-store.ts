/**
 * @module Sites in SQL.
 */
import type { Kysely } from 'kysely';
import { ALWAYS_OPEN } from '@parley/shared';
import type { NewSite, SiteRecord, SiteStore } from '../site-store.ts';
import type { SitesTable } from './schema.ts';
import type { Database } from './schema.ts';
import { toSite } from './mappers.ts';

export function createSiteStore(db: Kysely<Database>): SiteStore {
  return {
    async findById(id) {
      const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSite(row) : undefined;
    },
    async findByKey(siteKey) {
      const row = await db.selectFrom('sites').selectAll().where('site_key', '=', siteKey).executeTakeFirst();
      return row ? toSite(row) : undefined;
    },
    async findDemo() {
      const row = await db
        .selectFrom('sites')
        .selectAll()
        .where('is_demo', '=', 1)
        .orderBy('created_at')
        .executeTakeFirst();
      return row ? toSite(row) : undefined;
    },
    async list() {
      const rows = await db.selectFrom('sites').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toSite);
    },
    async create(site: NewSite): Promise<SiteRecord> {
      const row: SitesTable = {
        id: site.id,
        name: site.name,
        site_key: site.siteKey,
        allowed_origins: JSON.stringify(site.allowedOrigins),
        color: site.color,
        greeting: site.greeting,
        position: site.position,
        is_demo: site.isDemo ? 1 : 0,
        created_at: site.createdAt,
        identity_secret: site.identitySecret,
        identity_verification_required: site.identityVerificationRequired ? 1 : 0,
        locale: site.locale ?? null,
        pre_chat: JSON.stringify(site.preChat ?? { enabled: false, fields: [] }),
        business_hours: JSON.stringify(site.businessHours ?? ALWAYS_OPEN),
        routing_mode: site.routingMode ?? 'automatic',
        queue_max_wait_seconds: site.queueMaxWaitSeconds ?? null,
        attachments: site.attachments === undefined ? null : JSON.stringify(site.attachments),
        theme: site.theme ?? 'light',
        help_mode: site.helpMode ?? 'chat',
      };
      await db.insertInto('sites').values(row).execute();
      return toSite(row);
    },
    async setAllowedOrigins(id, origins) {
      await db
        .updateTable('sites')
        .set({ allowed_origins: JSON.stringify(origins) })
        .where('id', '=', id)
        .execute();
    },
    async updateSettings(id, settings) {
      const changes: Partial<SitesTable> = {};
      if (settings.identityVerificationRequired !== undefined) {
        changes.identity_verification_required = settings.identityVerificationRequired ? 1 : 0;
      }
      if (settings.locale !== undefined) changes.locale = settings.locale;
      if (settings.preChat !== undefined) changes.pre_chat = JSON.stringify(settings.preChat);
      if (settings.businessHours !== undefined) changes.business_hours = JSON.stringify(settings.businessHours);
      if (settings.allowedOrigins !== undefined) changes.allowed_origins = JSON.stringify(settings.allowedOrigins);
      if (settings.name !== undefined) changes.name = settings.name;
      if (settings.color !== undefined) changes.color = settings.color;
      if (settings.position !== undefined) changes.position = settings.position;
      if (settings.greeting !== undefined) changes.greeting = settings.greeting;
      if (settings.identitySecret !== undefined) changes.identity_secret = settings.identitySecret;
      if (settings.routingMode !== undefined) changes.routing_mode = settings.routingMode;
      if (settings.queueMaxWaitSeconds !== undefined) changes.queue_max_wait_seconds = settings.queueMaxWaitSeconds;
      if (settings.attachments !== undefined) changes.attachments = JSON.stringify(settings.attachments);
      if (settings.theme !== undefined) changes.theme = settings.theme;
      if (settings.helpMode !== undefined) changes.help_mode = settings.helpMode;
      if (Object.keys(changes).length === 0) return;
      await db.updateTable('sites').set(changes).where('id', '=', id).execute();
    },
  };
}
