/**
 * @module Migration 0029: which visitor a help center event belongs to (the widget knows; public pages
 * and agents do not), so deflection can follow a visitor from the articles they were shown or opened to
 * the chat they did or did not start. The widget's help view may add the same column in its own
 * migration (the two were written side by side), so this one adds it only when it is not there yet.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const helpEventVisitorsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const tables = await db.introspection.getTables();
    const events = tables.find((t) => t.name === 'help_events');
    if (events?.columns.some((c) => c.name === 'visitor_id')) return;
    await db.schema.alterTable('help_events').addColumn('visitor_id', 'text').execute();
  },
};
