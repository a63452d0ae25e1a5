/**
 * @module Migration 0002: what the widget's second release needs: identity verification and widget
 * settings on sites, visitor profiles, ratings, page views, transcript requests, and offline
 * conversations (which must not count as the visitor's one open conversation).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../store.ts';

export function visitorProfileMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('sites').addColumn('identity_secret', 'text').execute();
      await db.schema
        .alterTable('sites')
        .addColumn('identity_verification_required', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('sites').addColumn('locale', 'text').execute();
      await db.schema
        .alterTable('sites')
        .addColumn('pre_chat', 'text', (c) => c.notNull().defaultTo('{"enabled":false,"fields":[]}'))
        .execute();
      // Sites created before this release get their own secret here; new ones get it at creation.
      const sites = await sql<{ id: string }>`select id from sites`.execute(db);
      for (const site of sites.rows) {
        const secret = randomBytes(32).toString('hex');
        await sql`update sites set identity_secret = ${secret} where id = ${site.id}`.execute(db);
      }

      await db.schema.alterTable('agents').addColumn('avatar_url', 'text').execute();

      await db.schema.alterTable('visitors').addColumn('external_user_id', 'text').execute();
      await db.schema
        .alterTable('visitors')
        .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('visitors').addColumn('attributes', 'text').execute();

      await db.schema.alterTable('conversations').addColumn('rating', 'integer').execute();
      await db.schema.alterTable('conversations').addColumn('rating_comment', 'text').execute();
      // Offline conversations are neither queued nor active: the one-open-per-visitor rule covers only those two.
      await db.schema.dropIndex('conversations_one_open_per_visitor').execute();
      await sql`create unique index conversations_one_open_per_visitor on conversations (visitor_id) where status in ('queued', 'active')`.execute(
        db,
      );

      // An ever-increasing id orders page views exactly, even several in one millisecond (the cap keeps the latest).
      await db.schema
        .createTable('page_views')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
          engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('referrer', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('page_views_visitor_id').on('page_views').columns(['visitor_id', 'id']).execute();

      await db.schema
        .createTable('transcript_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('transcript_requests_pending')
        .on('transcript_requests')
        .columns(['sent_at', 'requested_at'])
        .execute();
    },
  };
}
