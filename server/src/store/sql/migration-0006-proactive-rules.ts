/**
 * @module Migration 0006: proactive chat (issue 6). Page rules per site in the admin's order, one
 * row per thing that happened to a rule's or an invite's message (counted for the console now,
 * groupable by day for reports later), agents' invites to live visitors, and what started each
 * conversation.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from '../store.ts';

export function proactiveRulesMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('proactive_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('conditions', 'text', (c) => c.notNull()) // JSON RuleConditions
        .addColumn('action', 'text', (c) => c.notNull()) // JSON RuleAction
        .addColumn('frequency', 'text', (c) => c.notNull())
        .addColumn('cooldown_minutes', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('proactive_rules_site_position')
        .on('proactive_rules')
        .columns(['site_id', 'position'])
        .execute();

      await db.schema
        .createTable('proactive_invites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      // One of rule_id / invite_id is set. Deleting a rule deletes its history with it.
      await db.schema
        .createTable('proactive_events')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
          engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('rule_id', 'text', (c) => c.references('proactive_rules.id').onDelete('cascade'))
        .addColumn('invite_id', 'text', (c) => c.references('proactive_invites.id'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('visitor_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('proactive_events_rule')
        .on('proactive_events')
        .columns(['rule_id', 'event'])
        .execute();

      // JSON ConversationOrigin, a snapshot with the rule's or agent's name: null when the visitor wrote first.
      await db.schema.alterTable('conversations').addColumn('origin', 'text').execute();
    },
  };
}
