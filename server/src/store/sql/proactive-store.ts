/**
 * @module Page rules, their event counts and agents' invites in SQL. A site's rule positions stay
 * 0…n-1: new rules go last, a deleted one's gap closes, a reorder rewrites them all in one transaction.
 */
import type { Kysely } from 'kysely';
import {
  ProactiveRuleStatsSchema,
  RuleActionSchema,
  RuleConditionsSchema,
  RuleFrequencySchema,
  type ProactiveRuleStats,
} from '@parley/shared';
import type { ProactiveRuleRecord, ProactiveStore } from '../proactive-store.ts';
import type { Database, ProactiveRulesTable } from './schema.ts';

const COUNTED = ProactiveRuleStatsSchema.keyof().options;

function toRule(row: ProactiveRulesTable): ProactiveRuleRecord {
  // Written only by us through the shared schemas; parsing again guards against a hand-edited row.
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    position: Number(row.position),
    enabled: Number(row.enabled) === 1,
    conditions: RuleConditionsSchema.parse(JSON.parse(row.conditions)),
    action: RuleActionSchema.parse(JSON.parse(row.action)),
    frequency: RuleFrequencySchema.parse(row.frequency),
    cooldownMinutes: Number(row.cooldown_minutes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createProactiveStore(db: Kysely<Database>): ProactiveStore {
  const findRule = async (id: string) => {
    const row = await db.selectFrom('proactive_rules').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRule(row) : undefined;
  };

  return {
    findRule,
    async listRules(siteId) {
      const rows = await db
        .selectFrom('proactive_rules')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('position')
        .orderBy('created_at')
        .execute();
      return rows.map(toRule);
    },
    async createRule({ id, siteId, now, ...values }) {
      await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('proactive_rules')
          .select((eb) => eb.fn.max<number | null>('position').as('max'))
          .where('site_id', '=', siteId)
          .executeTakeFirst();
        const max = last?.max;
        await trx
          .insertInto('proactive_rules')
          .values({
            id,
            site_id: siteId,
            name: values.name,
            position: max === null || max === undefined ? 0 : Number(max) + 1,
            enabled: values.enabled ? 1 : 0,
            conditions: JSON.stringify(values.conditions),
            action: JSON.stringify(values.action),
            frequency: values.frequency,
            cooldown_minutes: values.cooldownMinutes,
            created_at: now,
            updated_at: now,
          })
          .execute();
      });
      const created = await findRule(id);
      if (!created) throw new Error(`rule ${id} vanished right after insert`);
      return created;
    },
    async updateRule(id, values, now) {
      await db
        .updateTable('proactive_rules')
        .set({
          name: values.name,
          enabled: values.enabled ? 1 : 0,
          conditions: JSON.stringify(values.conditions),
          action: JSON.stringify(values.action),
          frequency: values.frequency,
          cooldown_minutes: values.cooldownMinutes,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      return findRule(id);
    },
    async setEnabled(id, enabled, now) {
      await db
        .updateTable('proactive_rules')
        .set({ enabled: enabled ? 1 : 0, updated_at: now })
        .where('id', '=', id)
        .execute();
      return findRule(id);
    },
    async deleteRule(id) {
      return db.transaction().execute(async (trx) => {
        const rule = await trx
          .selectFrom('proactive_rules')
          .select(['site_id', 'position'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!rule) return false;
        await trx.deleteFrom('proactive_events').where('rule_id', '=', id).execute();
        await trx.deleteFrom('proactive_rules').where('id', '=', id).execute();
        await trx
          .updateTable('proactive_rules')
          .set((eb) => ({ position: eb('position', '-', 1) }))
          .where('site_id', '=', rule.site_id)
          .where('position', '>', rule.position)
          .execute();
        return true;
      });
    },
    async reorder(siteId, ruleIds) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('proactive_rules').select('id').where('site_id', '=', siteId).execute();
        const current = new Set(rows.map((r) => r.id));
        if (current.size !== ruleIds.length || !ruleIds.every((id) => current.has(id))) return false;
        for (const [position, id] of ruleIds.entries()) {
          await trx.updateTable('proactive_rules').set({ position }).where('id', '=', id).execute();
        }
        return true;
      });
    },
    async recordEvent({ origin, event, visitorId, conversationId, at }) {
      await db
        .insertInto('proactive_events')
        .values({
          rule_id: 'ruleId' in origin ? origin.ruleId : null,
          invite_id: 'inviteId' in origin ? origin.inviteId : null,
          event,
          visitor_id: visitorId,
          conversation_id: conversationId,
          at,
        })
        .execute();
    },
    async ruleStats(siteId) {
      const rows = await db
        .selectFrom('proactive_events as e')
        .innerJoin('proactive_rules as r', 'r.id', 'e.rule_id')
        .select((eb) => ['e.rule_id', 'e.event', eb.fn.countAll<number | string>().as('count')])
        .where('r.site_id', '=', siteId)
        .where('e.event', 'in', COUNTED)
        .groupBy(['e.rule_id', 'e.event'])
        .execute();
      const stats = new Map<string, ProactiveRuleStats>();
      for (const row of rows) {
        if (row.rule_id === null) continue;
        const counts = stats.get(row.rule_id) ?? { fired: 0, shown: 0, opened: 0, replied: 0 };
        const event = COUNTED.find((kind) => kind === row.event);
        if (event) counts[event] = Number(row.count);
        stats.set(row.rule_id, counts);
      }
      return stats;
    },
    async createInvite(invite) {
      await db
        .insertInto('proactive_invites')
        .values({
          id: invite.id,
          site_id: invite.siteId,
          visitor_id: invite.visitorId,
          agent_id: invite.agentId,
          message: invite.message,
          created_at: invite.createdAt,
        })
        .execute();
    },
    async findInvite(id) {
      const row = await db.selectFrom('proactive_invites').selectAll().where('id', '=', id).executeTakeFirst();
      return row
        ? {
            id: row.id,
            siteId: row.site_id,
            visitorId: row.visitor_id,
            agentId: row.agent_id,
            message: row.message,
            createdAt: row.created_at,
          }
        : undefined;
    },
  };
}
