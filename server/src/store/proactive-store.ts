/**
 * @module Page rules, their counts and agent invites: the proactive messages a visitor is shown.
 */
import type { ProactiveRuleStats, ProactiveRuleValues } from '@parley/shared';

/** A page rule as stored: the admin's values plus where it stands in the site's order. */
export interface ProactiveRuleRecord extends ProactiveRuleValues {
  id: string;
  siteId: string;
  /** Lower runs first; the store keeps a site's positions 0…n-1. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProactiveInviteRecord {
  id: string;
  siteId: string;
  visitorId: string;
  agentId: string;
  message: string;
  createdAt: string;
}

/** What happened to a proactive message; `replied` is recorded by the server when a reply starts a chat. */
export type ProactiveEventKind = 'fired' | 'shown' | 'opened' | 'dismissed' | 'replied';

export interface NewProactiveEvent {
  origin: { ruleId: string } | { inviteId: string };
  event: ProactiveEventKind;
  visitorId: string;
  conversationId: string | null;
  at: string;
}

export interface ProactiveStore {
  /** The site's rules in order. */
  listRules(siteId: string): Promise<ProactiveRuleRecord[]>;
  findRule(id: string): Promise<ProactiveRuleRecord | undefined>;
  /** Stored after the site's last rule. */
  createRule(rule: ProactiveRuleValues & { id: string; siteId: string; now: string }): Promise<ProactiveRuleRecord>;
  /** Replaces the rule's values (its position stays); undefined when it is gone. */
  updateRule(id: string, values: ProactiveRuleValues, now: string): Promise<ProactiveRuleRecord | undefined>;
  setEnabled(id: string, enabled: boolean, now: string): Promise<ProactiveRuleRecord | undefined>;
  /** Deletes the rule and its counts and closes the gap in the order. True when something was deleted. */
  deleteRule(id: string): Promise<boolean>;
  /** Puts the site's rules in this order; false (and nothing changed) unless `ruleIds` are exactly the site's rules. */
  reorder(siteId: string, ruleIds: string[]): Promise<boolean>;
  recordEvent(event: NewProactiveEvent): Promise<void>;
  /** Counts per rule of the site; a rule nothing happened to yet is absent. */
  ruleStats(siteId: string): Promise<Map<string, ProactiveRuleStats>>;
  createInvite(invite: ProactiveInviteRecord): Promise<void>;
  findInvite(id: string): Promise<ProactiveInviteRecord | undefined>;
}
