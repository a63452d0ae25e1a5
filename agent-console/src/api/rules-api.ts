/**
 * @module The Rules page's REST calls: a site's page rules with their counts. Drafts are checked with
 * the route's rule schema before they leave, unknown keys refused as the server refuses them.
 */
import { restRoutes, type ProactiveRule, type ProactiveRuleInput } from '@parley/shared';
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

export function createRulesApi(rest: RestClient): RulesApi {
  const routes = restRoutes.rules;
  return {
    list: async (siteId) => (await rest.call(routes.list, { params: { siteId } })).rules,
    create: async (siteId, rule) => (await rest.call(routes.create, { params: { siteId }, body: rule })).rule,
    replace: async (siteId, ruleId, rule) =>
      (await rest.call(routes.replace, { params: { siteId, ruleId }, body: rule })).rule,
    setEnabled: async (siteId, ruleId, enabled) =>
      (await rest.call(routes.setEnabled, { params: { siteId, ruleId }, body: { enabled } })).rule,
    remove: async (siteId, ruleId) => {
      await rest.call(routes.delete, { params: { siteId, ruleId } });
    },
    reorder: async (siteId, ruleIds) =>
      (await rest.call(routes.reorder, { params: { siteId }, body: { ruleIds } })).rules,
  };
}
