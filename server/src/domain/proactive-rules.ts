/**
 * @module Page rules as admins manage them (create, replace, turn on and off, reorder, delete, with
 * each rule's counts) and as the widget receives them: the site's enabled rules in order, the
 * sender already resolved to a name and avatar.
 */
import type { ProactiveRule, ProactiveRuleValues, PublicProactiveRule } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../errors.ts';
import type { ProactiveRuleRecord } from '../store/proactive-store.ts';
import type { SiteRecord } from '../store/site-store.ts';
import type { Store } from '../store/store.ts';
import { newId } from './ids.ts';

const NO_STATS = { fired: 0, shown: 0, opened: 0, replied: 0 };

export class ProactiveRules {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now;
  }

  async list(siteId: string): Promise<ProactiveRule[]> {
    await this.#site(siteId);
    const [rules, stats] = await Promise.all([
      this.#store.proactive.listRules(siteId),
      this.#store.proactive.ruleStats(siteId),
    ]);
    return rules.map((rule) => toView(rule, stats.get(rule.id)));
  }

  async create(siteId: string, values: ProactiveRuleValues): Promise<ProactiveRule> {
    await this.#site(siteId);
    await this.#checkSender(values);
    const rule = await this.#store.proactive.createRule({ ...values, id: newId('rule'), siteId, now: this.#nowIso() });
    return toView(rule, undefined);
  }

  async replace(siteId: string, ruleId: string, values: ProactiveRuleValues): Promise<ProactiveRule> {
    await this.#rule(siteId, ruleId);
    await this.#checkSender(values);
    const updated = await this.#store.proactive.updateRule(ruleId, values, this.#nowIso());
    if (!updated) throw notFound('Rule');
    return this.#withStats(updated);
  }

  async setEnabled(siteId: string, ruleId: string, enabled: boolean): Promise<ProactiveRule> {
    await this.#rule(siteId, ruleId);
    const updated = await this.#store.proactive.setEnabled(ruleId, enabled, this.#nowIso());
    if (!updated) throw notFound('Rule');
    return this.#withStats(updated);
  }

  async delete(siteId: string, ruleId: string): Promise<void> {
    await this.#rule(siteId, ruleId);
    await this.#store.proactive.deleteRule(ruleId);
  }

  async reorder(siteId: string, ruleIds: string[]): Promise<ProactiveRule[]> {
    await this.#site(siteId);
    if (!(await this.#store.proactive.reorder(siteId, ruleIds))) {
      throw new ParleyError(ErrorCode.InvalidPayload, 'ruleIds: must list every rule of the site exactly once', {
        issues: [{ path: 'ruleIds', message: 'must list every rule of the site exactly once' }],
      });
    }
    return this.list(siteId);
  }

  /** The site's enabled rules in order, as the widget config carries them. */
  async forWidget(site: SiteRecord): Promise<PublicProactiveRule[]> {
    const rules = (await this.#store.proactive.listRules(site.id)).filter((rule) => rule.enabled);
    const agentIds = rules.flatMap((rule) => (rule.action.sender.kind === 'agent' ? [rule.action.sender.agentId] : []));
    const agents = new Map(
      (await this.#store.agents.profiles([...new Set(agentIds)])).map((agent) => [agent.id, agent]),
    );
    return rules.map((rule) => {
      const { sender } = rule.action;
      // a deactivated agent no longer speaks for the site: the site does
      const agent = sender.kind === 'agent' ? agents.get(sender.agentId) : undefined;
      const from = agent?.active ? agent : { name: site.name, avatarUrl: null };
      return {
        id: rule.id,
        conditions: rule.conditions,
        message: rule.action.message,
        senderName: from.name,
        senderAvatarUrl: from.avatarUrl,
        openPanel: rule.action.openPanel,
        delaySeconds: rule.action.delaySeconds,
        frequency: rule.frequency,
        cooldownMinutes: rule.cooldownMinutes,
      };
    });
  }

  async #withStats(rule: ProactiveRuleRecord): Promise<ProactiveRule> {
    return toView(rule, (await this.#store.proactive.ruleStats(rule.siteId)).get(rule.id));
  }

  /** The sender must be someone who can answer: an active agent. */
  async #checkSender(values: ProactiveRuleValues): Promise<void> {
    if (values.action.sender.kind !== 'agent') return;
    const [agent] = await this.#store.agents.profiles([values.action.sender.agentId]);
    if (agent?.active) return;
    const message = 'is not an active agent';
    throw new ParleyError(ErrorCode.InvalidPayload, `action.sender.agentId: ${message}`, {
      issues: [{ path: 'action.sender.agentId', message }],
    });
  }

  async #site(siteId: string): Promise<SiteRecord> {
    const site = await this.#store.sites.findById(siteId);
    if (!site) throw notFound('Site');
    return site;
  }

  async #rule(siteId: string, ruleId: string): Promise<ProactiveRuleRecord> {
    const rule = await this.#store.proactive.findRule(ruleId);
    // a rule of another site answers like a missing one
    if (!rule || rule.siteId !== siteId) throw notFound('Rule');
    return rule;
  }

  #nowIso(): string {
    return this.#now().toISOString();
  }
}

function toView(rule: ProactiveRuleRecord, stats: ProactiveRule['stats'] | undefined): ProactiveRule {
  return {
    id: rule.id,
    siteId: rule.siteId,
    position: rule.position,
    name: rule.name,
    enabled: rule.enabled,
    conditions: rule.conditions,
    action: rule.action,
    frequency: rule.frequency,
    cooldownMinutes: rule.cooldownMinutes,
    stats: stats ?? NO_STATS,
    createdAt: rule.createdAt,
    updatedAt: rule.updatedAt,
  };
}
