/**
 * @module Migration 0004: what the console's admin pages need: business hours on sites, and canned
 * responses (shared ones with no owner, personal ones owned by an agent; a shortcut names one
 * response per owner).
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const ALWAYS_OPEN_JSON = '{"enabled":false,"timeZone":"UTC","days":[]}';

export const adminMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('sites')
      .addColumn('business_hours', 'text', (c) => c.notNull().defaultTo(ALWAYS_OPEN_JSON))
      .execute();

    await db.schema
      .createTable('canned_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // null: shared by everyone; otherwise the agent whose personal response it is
      .addColumn('agent_id', 'text', (c) => c.references('agents.id').onDelete('cascade'))
      .addColumn('shortcut', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Two partial indexes rather than one over (agent_id, shortcut): NULLs never collide in a unique index.
    await sql`create unique index canned_responses_shared_shortcut on canned_responses (shortcut) where agent_id is null`.execute(
      db,
    );
    await sql`create unique index canned_responses_personal_shortcut on canned_responses (agent_id, shortcut) where agent_id is not null`.execute(
      db,
    );
  },
};
