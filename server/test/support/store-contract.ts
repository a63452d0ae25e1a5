/**
 * @module The storage contract: one suite every Store implementation must pass, run per engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/errors.ts';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/types.ts';

export function storeContract(engine: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`store contract: ${engine}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let siteId: string;
    let clock = 0;
    const now = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString();

    beforeEach(async () => {
      ({ store, dispose } = await open());
      siteId = newId('site');
      await store.sites.create({
        id: siteId,
        name: 'Shop',
        siteKey: newId('pk'),
        allowedOrigins: ['https://shop.example'],
        color: '#000000',
        greeting: 'Hi',
        position: 'left',
        isDemo: true,
        createdAt: now(),
        identitySecret: 'ab'.repeat(32),
      });
    });
    afterEach(async () => {
      await dispose();
    });

    const agent = (name: string, capacity = 2) =>
      store.agents.create({
        id: newId('agt'),
        email: `${name}@Example.com`,
        name,
        role: 'agent',
        capacity,
        passwordHash: 'scrypt$x',
        createdAt: now(),
      });

    const conversation = async () => {
      const visitorId = newId('vis');
      await store.visitors.ensure(visitorId, siteId, now());
      return store.conversations.create({ id: newId('conv'), siteId, visitorId, now: now() });
    };

    const message = (conversationId: string, body: string, clientMessageId: string | null = newId('msg')) =>
      store.messages.append({
        id: newId('msg'),
        conversationId,
        clientMessageId,
        author: { kind: 'visitor', id: null, name: null },
        body,
        now: now(),
      });

    it('answers ping', async () => {
      await store.ping();
    });

    it('stores sites and finds them by key and as the demo', async () => {
      const demo = await store.sites.findDemo();
      expect(demo).toMatchObject({ id: siteId, position: 'left', isDemo: true, allowedOrigins: ['https://shop.example'] });
      await store.sites.setAllowedOrigins(siteId, ['https://a.example', 'https://b.example']);
      expect((await store.sites.findByKey(demo?.siteKey ?? ''))?.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
      expect(await store.sites.findByKey('pk_missing')).toBeUndefined();
    });

    it('stores agents with case-insensitive emails', async () => {
      const ann = await agent('ann');
      expect(await store.agents.count()).toBe(1);
      expect((await store.agents.findByEmail('ANN@example.COM'))?.id).toBe(ann.id);
      expect((await store.agents.findById(ann.id))?.active).toBe(true);
    });

    it('keeps sessions until deleted', async () => {
      const ann = await agent('ann');
      await store.sessions.create('hash-1', ann.id, '2030-01-01T00:00:00.000Z');
      expect(await store.sessions.find('hash-1')).toEqual({ agentId: ann.id, expiresAt: '2030-01-01T00:00:00.000Z' });
      await store.sessions.delete('hash-1');
      expect(await store.sessions.find('hash-1')).toBeUndefined();
    });

    it('allows one open conversation per visitor, and a new one after closing', async () => {
      const first = await conversation();
      await expect(store.conversations.create({ id: newId('conv'), siteId, visitorId: first.visitorId, now: now() })).rejects.toSatisfy(
        (e: unknown) => e instanceof ParleyError && e.code === 'conflict',
      );
      expect((await store.conversations.findOpenByVisitor(first.visitorId))?.id).toBe(first.id);
      const closed = await store.conversations.close(first.id, 'visitor', now());
      expect(closed).toMatchObject({ status: 'closed', closedBy: 'visitor' });
      expect(await store.conversations.close(first.id, 'agent', now())).toBeUndefined();
      expect(await store.conversations.findOpenByVisitor(first.visitorId)).toBeUndefined();
      const second = await store.conversations.create({ id: newId('conv'), siteId, visitorId: first.visitorId, now: now() });
      expect((await store.conversations.findLatestByVisitor(first.visitorId))?.id).toBe(second.id);
    });

    it('numbers messages 1, 2, 3… without gaps even when written at once', async () => {
      const c = await conversation();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => message(c.id, `m${i}`)));
      expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await store.conversations.findById(c.id))?.lastSeq).toBe(20);
      const after = await store.messages.listAfter(c.id, 15, 100);
      expect(after.map((m) => m.seq)).toEqual([16, 17, 18, 19, 20]);
      expect(await store.messages.listAfter(c.id, 0, 3)).toHaveLength(3);
    });

    it('stores a message once per client id, even when the retry races the original', async () => {
      const c = await conversation();
      const [a, b] = await Promise.all([message(c.id, 'hi', 'client-id-1'), message(c.id, 'hi', 'client-id-1')]);
      expect(a?.message.id).toBe(b?.message.id);
      expect([a?.created, b?.created].filter(Boolean)).toHaveLength(1);
      expect((await store.messages.findByClientId(c.id, 'client-id-1'))?.seq).toBe(1);
      expect((await store.conversations.findById(c.id))?.lastSeq).toBe(1);
    });

    it('lists the queue oldest first with each last message', async () => {
      const older = await conversation();
      const newer = await conversation();
      await message(older.id, 'first');
      await message(older.id, 'latest');
      const queue = await store.conversations.listQueued();
      expect(queue.map((q) => q.id)).toEqual([older.id, newer.id]);
      expect(queue[0]?.lastMessage?.body).toBe('latest');
      expect(queue[1]?.lastMessage).toBeNull();
    });

    it('assigns a queued conversation exactly once, and counts it against the agent', async () => {
      const ann = await agent('ann');
      const bob = await agent('bob');
      const c = await conversation();
      const [toAnn, toBob] = await Promise.all([
        store.conversations.assign(c.id, ann.id, now()),
        store.conversations.assign(c.id, bob.id, now()),
      ]);
      expect([toAnn, toBob].filter(Boolean)).toHaveLength(1);
      const winner = toAnn ? ann : bob;
      expect((toAnn ?? toBob)?.agent).toEqual({ id: winner.id, name: winner.name });
      const candidates = await store.agents.routingCandidates([ann.id, bob.id]);
      expect(candidates.find((x) => x.id === winner.id)).toMatchObject({ activeCount: 1, capacity: 2 });
      expect(candidates.find((x) => x.id !== winner.id)).toMatchObject({ activeCount: 0, lastAssignedAt: null });
      expect((await store.conversations.listOpenForAgent(winner.id)).map((x) => x.id)).toEqual([c.id]);
      await store.conversations.close(c.id, 'agent', now());
      expect((await store.agents.routingCandidates([winner.id]))[0]?.activeCount).toBe(0);
    });

    it('moves seen marks forward only, never past the last message', async () => {
      const c = await conversation();
      await message(c.id, 'one');
      await message(c.id, 'two');
      expect((await store.conversations.markSeen(c.id, 'agent', 1))?.agentSeenSeq).toBe(1);
      expect((await store.conversations.markSeen(c.id, 'agent', 99))?.agentSeenSeq).toBe(2);
      expect((await store.conversations.markSeen(c.id, 'agent', 1))?.agentSeenSeq).toBe(2);
      expect((await store.conversations.findById(c.id))?.visitorSeenSeq).toBe(0);
    });
  });
}
