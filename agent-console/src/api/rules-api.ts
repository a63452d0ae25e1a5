/**
 * @module The Rules page's REST calls: a site's page rules with their counts. Drafts are checked with
 * the shared rule schema before they leave; the server checks them again, unknown keys included.
 */
import {
  ProactiveRuleInputSchema,
  ProactiveRuleListResponseSchema,
  ProactiveRuleResponseSchema,
  ReorderRulesRequestSchema,
  SetRuleEnabledRequestSchema,
  type ProactiveRule,
  type ProactiveRuleInput,
} from '@parley/shared';
import type { RestClient } from './rest-client.ts';

export interface RulesApi {
  list(siteId: string): Promise<ProactiveRule[]>;
  create(siteId: string, rule: ProactiveRuleInput): Promise<ProactiveRule>;
  replace(siteId: string, ruleId: string, rule: ProactiveRuleInput): Promise<ProactiveRule>;
  setEnabled(siteId: string, ruleId: string, enabled: boolean): Promise<ProactiveRule>;
  remove(siteId: string, ruleId: string): Promise<void>;
  /** Every rule of the site, in the new order; answers the rules as now ordered. */
  reorder(siteId: string, ruleIds: string[]): Promise<ProactiveRule[]>;
}

const rulesPath = (siteId: string, ruleId?: string) =>
  `/api/admin/sites/${encodeURIComponent(siteId)}/rules${ruleId === undefined ? '' : `/${encodeURIComponent(ruleId)}`}`;

export function createRulesApi(rest: RestClient): RulesApi {
  return {
    async list(siteId) {
      return (await rest.get(rulesPath(siteId), ProactiveRuleListResponseSchema)).rules;
    },
    async create(siteId, rule) {
      return (await rest.send('POST', rulesPath(siteId), ProactiveRuleInputSchema, rule, ProactiveRuleResponseSchema))
        .rule;
    },
    async replace(siteId, ruleId, rule) {
      return (
        await rest.send('PUT', rulesPath(siteId, ruleId), ProactiveRuleInputSchema, rule, ProactiveRuleResponseSchema)
      ).rule;
    },
    async setEnabled(siteId, ruleId, enabled) {
      return (
        await rest.send(
          'PATCH',
          rulesPath(siteId, ruleId),
          SetRuleEnabledRequestSchema,
          { enabled },
          ProactiveRuleResponseSchema,
        )
      ).rule;
    },
    async remove(siteId, ruleId) {
      await rest.send('DELETE', rulesPath(siteId, ruleId), null, undefined, null);
    },
    async reorder(siteId, ruleIds) {
      const path = `/api/admin/sites/${encodeURIComponent(siteId)}/rule-order`;
      return (await rest.send('PUT', path, ReorderRulesRequestSchema, { ruleIds }, ProactiveRuleListResponseSchema))
        .rules;
    },
  };
}
