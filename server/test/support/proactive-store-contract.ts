/**
 * @module The storage contract of page rules, their counts, invites and conversation origins: run
 * per engine beside store-contract.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProactiveRuleValues } from '@parley/shared';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { siteFixture } from './site-fixture.ts';

const values = (name: string): ProactiveRuleValues => ({
  name,
  enabled: true,
  conditions: {
    match: 'any',
    groups: [{ match: 'all', conditions: [{ field: 'scrollDepth', percent: 90 }, { field: 'exitIntent' }] }],
  },
  action: { message: `${name} says hi`, sender: { kind: 'site' }, openPanel: true, delaySeconds: 3 },
  frequency: 'visitor',
  cooldownMinutes: 10,
});

export function proactiveStoreContract(
  engine: string,
  open: () => Promise<{ store: Store; dispose: () => Promise<void> }>,
): void {
  describe(`proactive store contract: ${engine}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let siteId: string;
    let otherSiteId: string;
    let clock = 0;
    const now = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString();

    const site = async () => {
      const id = newId('site');
      await store.sites.create(
        siteFixture(now(), { id, name: `Shop ${id}`, greeting: '', position: 'right', isDemo: false }),
      );
      return id;
    };
    const rule = (name: string, onSite = siteId) =>
      store.proactive.createRule({ ...values(name), id: newId('rule'), siteId: onSite, now: now() });
    const names = async (onSite = siteId) =>
      (await store.proactive.listRules(onSite)).map((r) => `${r.position}:${r.name}`);

    beforeEach(async () => {
      ({ store, dispose } = await open());
      siteId = await site();
      otherSiteId = await site();
    });
    afterEach(async () => {
      await dispose();
    });

    it('keeps rules per site in order, round-trips their values, and closes gaps on delete', async () => {
      const a = await rule('A');
      const b = await rule('B');
      const c = await rule('C');
      await rule('elsewhere', otherSiteId);
      expect(await names()).toEqual(['0:A', '1:B', '2:C']);
      expect(await store.proactive.findRule(a.id)).toEqual({
        ...values('A'),
        id: a.id,
        siteId,
        position: 0,
        createdAt: a.createdAt,
        updatedAt: a.createdAt,
      });

      const changed = { ...values('B2'), enabled: false, frequency: 'pageView' as const };
      const updated = await store.proactive.updateRule(b.id, changed, now());
      expect(updated).toMatchObject({ ...changed, position: 1 });
      expect(updated?.updatedAt).not.toBe(b.updatedAt);
      expect((await store.proactive.setEnabled(b.id, true, now()))?.enabled).toBe(true);
      expect(await store.proactive.updateRule('rule_missing', changed, now())).toBeUndefined();

      expect(await store.proactive.reorder(siteId, [c.id, a.id])).toBe(false);
      expect(await store.proactive.reorder(siteId, [c.id, a.id, 'rule_other'])).toBe(false);
      expect(await names()).toEqual(['0:A', '1:B2', '2:C']);
      expect(await store.proactive.reorder(siteId, [c.id, a.id, b.id])).toBe(true);
      expect(await names()).toEqual(['0:C', '1:A', '2:B2']);

      expect(await store.proactive.deleteRule(a.id)).toBe(true);
      expect(await store.proactive.deleteRule(a.id)).toBe(false);
      expect(await names()).toEqual(['0:C', '1:B2']);
      expect((await rule('D')).position).toBe(2);
      expect(await names(otherSiteId)).toEqual(['0:elsewhere']);
    });

    it('counts events per rule of the site, and forgets a deleted rule’s', async () => {
      const a = await rule('A');
      const b = await rule('B');
      const other = await rule('O', otherSiteId);
      const visitorId = newId('vis');
      const record = (ruleId: string, event: 'fired' | 'shown' | 'opened' | 'dismissed' | 'replied') =>
        store.proactive.recordEvent({ origin: { ruleId }, event, visitorId, conversationId: null, at: now() });
      for (const event of ['fired', 'fired', 'shown', 'opened', 'dismissed', 'replied'] as const)
        await record(a.id, event);
      await record(other.id, 'shown');
      const stats = await store.proactive.ruleStats(siteId);
      expect(stats.get(a.id)).toEqual({ fired: 2, shown: 1, opened: 1, replied: 1 });
      expect(stats.has(b.id)).toBe(false);
      expect(stats.has(other.id)).toBe(false);
      await store.proactive.deleteRule(a.id);
      expect((await store.proactive.ruleStats(siteId)).size).toBe(0);
    });

    it('stores invites, and a conversation’s origin that agents read in its summary', async () => {
      const visitorId = newId('vis');
      await store.visitors.ensure(visitorId, siteId, now());
      const agentId = newId('agt');
      await store.agents.create({
        id: agentId,
        email: 'inviter@example.com',
        name: 'Ivy',
        role: 'agent',
        capacity: 2,
        passwordHash: 'x',
        createdAt: now(),
      });
      expect(await store.agents.profiles([agentId, 'agt_missing'])).toEqual([
        { id: agentId, name: 'Ivy', avatarUrl: null, active: true },
      ]);
      const invite = { id: newId('inv'), siteId, visitorId, agentId, message: 'Need help?', createdAt: now() };
      await store.proactive.createInvite(invite);
      expect(await store.proactive.findInvite(invite.id)).toEqual(invite);
      expect(await store.proactive.findInvite('inv_missing')).toBeUndefined();
      await store.proactive.recordEvent({
        origin: { inviteId: invite.id },
        event: 'shown',
        visitorId,
        conversationId: null,
        at: now(),
      });

      const origin = { kind: 'invite' as const, inviteId: invite.id, agentId, agentName: 'Ivy' };
      const conversation = await store.conversations.create({
        id: newId('conv'),
        siteId,
        visitorId,
        now: now(),
        origin,
      });
      expect('origin' in conversation).toBe(false);
      expect((await store.conversations.summary(conversation.id))?.origin).toEqual(origin);
      const plainVisitor = newId('vis');
      await store.visitors.ensure(plainVisitor, siteId, now());
      const plain = await store.conversations.create({
        id: newId('conv'),
        siteId,
        visitorId: plainVisitor,
        now: now(),
      });
      expect((await store.conversations.summary(plain.id))?.origin).toBeNull();
      expect((await store.conversations.listQueued()).map((q) => q.origin?.kind ?? null)).toEqual(['invite', null]);
    });
  });
}
