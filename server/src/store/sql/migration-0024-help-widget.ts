/**
 * @module Migration 0024 (help center in the widget): each site's help mode (chat first, help first,
 * or articles only; existing sites keep the chat they had), and the visitor on each help event, so
 * the agent sees which articles a visitor met and deflection counts visitors (null: a public page's
 * reader, an agent, or a widget before the visitor had a token).
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const helpWidgetMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sites')
      .addColumn('help_mode', 'text', (c) => c.notNull().defaultTo('chat'))
      .execute();
    await db.schema.alterTable('help_events').addColumn('visitor_id', 'text').execute();
    await db.schema.createIndex('help_events_visitor_at').on('help_events').columns(['visitor_id', 'at']).execute();
  },
};
