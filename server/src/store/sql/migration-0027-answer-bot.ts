/**
 * @module Migration 0027: the answer bot (issue 22). A site's bot mode and settings (one row per site
 * that set them; none: off), and one row per conversation a bot handled: when it started, whether it
 * waits for the bot (the handoff timeout's clock), how it ended (resolved by the bot, or handed off
 * and why) and the articles it offered. Those rows are facts for reports, like the conversation's own.
 * A conversation the bot holds has status `bot`, which counts as the visitor's open one.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const answerBotMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('bot_settings')
      .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull()) // JSON BotSettings without mode
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('bot_conversations')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      /** Set while a visitor's message waits for the bot; the handoff timeout counts from it. */
      .addColumn('waiting_since', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('handed_off_at', 'text')
      .addColumn('handoff_reason', 'text')
      .addColumn('articles', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{ id, title }]
      .execute();
    await db.schema
      .createIndex('bot_conversations_site_started')
      .on('bot_conversations')
      .columns(['site_id', 'started_at'])
      .execute();
    await db.schema.createIndex('bot_conversations_waiting').on('bot_conversations').column('waiting_since').execute();

    // a bot's conversation is the visitor's open one: at most one of queued, active or bot
    await db.schema.dropIndex('conversations_one_open_per_visitor').execute();
    await sql`create unique index conversations_one_open_per_visitor on conversations (visitor_id) where status in ('queued', 'active', 'bot')`.execute(
      db,
    );
  },
};
