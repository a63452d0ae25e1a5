/**
 * @module Migration 0029: external bots (issue 22, bot-external). One registered bot per site: the URL
 * Parley delivers to, the secret that signs the deliveries (kept, as a webhook endpoint's: it signs),
 * and its API token (kept as a hash in api_tokens, like every token). A token made for a bot says
 * whose bot it is (`bot_site_id`), which limits it to the conversations that bot holds.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const externalBotsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('api_tokens').addColumn('bot_site_id', 'text').execute();
    await db.schema
      .createTable('external_bots')
      .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('token_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
