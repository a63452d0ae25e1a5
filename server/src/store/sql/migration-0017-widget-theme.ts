/**
 * @module Migration 0017: each site's widget theme (light, dark, or auto: following the visitor's
 * system). Existing sites keep the light widget they had.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const widgetThemeMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sites')
      .addColumn('theme', 'text', (c) => c.notNull().defaultTo('light'))
      .execute();
  },
};
