/**
 * @module The storage contract: one suite every Store implementation must pass, run per engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/errors.ts';
import { newId } from '../../src/domain/ids.ts';
import type { NewOutboxMail, NewTicket, Store } from '../../src/store/types.ts';
import { siteFixture } from './site-fixture.ts';

export function storeContract(engine: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`store contract: ${engine}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let siteId: string;
    let clock = 0;
    const now = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000).toISOString();

    beforeEach(async () => {
      ({ store, dispose } = await open());
      siteId = (await store.sites.create(siteFixture(now()))).id;
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
      expect(demo).toMatchObject({
        id: siteId,
        position: 'left',
        isDemo: true,
        allowedOrigins: ['https://shop.example'],
      });
      await store.sites.setAllowedOrigins(siteId, ['https://a.example', 'https://b.example']);
      expect((await store.sites.findByKey(demo?.siteKey ?? ''))?.allowedOrigins).toEqual([
        'https://a.example',
        'https://b.example',
      ]);
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
      await expect(
        store.conversations.create({ id: newId('conv'), siteId, visitorId: first.visitorId, now: now() }),
      ).rejects.toSatisfy((e: unknown) => e instanceof ParleyError && e.code === 'conflict');
      expect((await store.conversations.findOpenByVisitor(first.visitorId))?.id).toBe(first.id);
      const closed = await store.conversations.close(first.id, 'visitor', now());
      expect(closed).toMatchObject({ status: 'closed', closedBy: 'visitor' });
      expect(await store.conversations.close(first.id, 'agent', now())).toBeUndefined();
      expect(await store.conversations.findOpenByVisitor(first.visitorId)).toBeUndefined();
      const second = await store.conversations.create({
        id: newId('conv'),
        siteId,
        visitorId: first.visitorId,
        now: now(),
      });
      expect((await store.conversations.findLatestByVisitor(first.visitorId))?.id).toBe(second.id);
    });

    it('reads many visitors, and which of them have an open conversation, in one call each', async () => {
      const chatting = await conversation();
      const closed = await conversation();
      await store.conversations.close(closed.id, 'visitor', now());
      const named = await store.visitors.updateProfile('vis_named', siteId, { name: 'Ada' }, now());
      const ids = [chatting.visitorId, closed.visitorId, named.id, 'vis_unknown'];
      const found = await store.visitors.findManyById(ids);
      expect(found.map((v) => v.id).sort()).toEqual([chatting.visitorId, closed.visitorId, named.id].sort());
      expect(found.find((v) => v.id === named.id)?.name).toBe('Ada');
      expect(await store.conversations.visitorsWithOpen(ids)).toEqual(new Set([chatting.visitorId]));
      expect(await store.visitors.findManyById([])).toEqual([]);
      expect(await store.conversations.visitorsWithOpen([])).toEqual(new Set());
    });

    it("lists a visitor's conversations newest first with each opening visitor message", async () => {
      const first = await conversation();
      await message(first.id, 'where is my order?');
      await message(first.id, 'order 4711');
      await store.conversations.close(first.id, 'visitor', now());
      const second = await store.conversations.create({
        id: newId('conv'),
        siteId,
        visitorId: first.visitorId,
        now: now(),
      });
      const listed = await store.conversations.listByVisitor(first.visitorId, 10);
      expect(listed.map((c) => [c.id, c.status, c.firstMessage])).toEqual([
        [second.id, 'queued', null],
        [first.id, 'closed', 'where is my order?'],
      ]);
      expect(listed[1]?.createdAt).toBe(first.createdAt);
      expect(await store.conversations.listByVisitor(first.visitorId, 1)).toHaveLength(1);
      expect(await store.conversations.listByVisitor('vis_nobody', 10)).toEqual([]);
    });

    it('numbers messages 1, 2, 3… without gaps even when written at once', async () => {
      const c = await conversation();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => message(c.id, `m${i}`)));
      expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
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

    it('answers each append with its conversation as it stands after the write', async () => {
      const ann = await agent('ann');
      const c = await conversation();
      await store.agents.setStatus(ann.id, 'online');
      await store.conversations.assign(c.id, ann.id, now());
      const { conversation: after, created } = await message(c.id, 'hello', 'client-hello');
      expect(created).toBe(true);
      expect(after).toEqual(await store.conversations.findById(c.id));
      expect(after).toMatchObject({ id: c.id, lastSeq: 1, status: 'active', agent: { id: ann.id, name: 'ann' } });
      // a retry stores nothing and moves no seq
      expect(await message(c.id, 'hello', 'client-hello')).toMatchObject({
        created: false,
        conversation: { lastSeq: 1 },
      });
      expect((await store.conversations.findById(c.id))?.lastSeq).toBe(1);
      await expect(message('conv_missing', 'lost')).rejects.toThrow();
    });

    it("appends to the visitor's open conversation found by the write itself, and to none when it is closed", async () => {
      const c = await conversation();
      const toOpen = (clientMessageId: string, visitorId = c.visitorId) =>
        store.messages.appendToOpen(visitorId, {
          id: newId('msg'),
          clientMessageId,
          author: { kind: 'visitor', id: visitorId, name: null },
          body: `body of ${clientMessageId}`,
          now: now(),
        });
      await store.visitors.updateProfile(c.visitorId, siteId, { name: 'Ada', email: 'ada@example.com' }, now());
      const first = await toOpen('client-a');
      expect(first).toMatchObject({
        created: true,
        message: { seq: 1, conversationId: c.id, body: 'body of client-a' },
      });
      expect(first?.conversation).toEqual(await store.conversations.findById(c.id));
      expect(first?.conversation).toMatchObject({ visitorName: 'Ada', visitorEmail: 'ada@example.com', lastSeq: 1 });
      const again = await toOpen('client-a');
      expect(again).toMatchObject({
        created: false,
        message: { id: first?.message.id, seq: 1 },
        conversation: { lastSeq: 1 },
      });
      expect(await toOpen('client-a', newId('vis'))).toBeUndefined();
      await store.conversations.close(c.id, 'visitor', now());
      expect(await toOpen('client-b')).toBeUndefined();
      expect((await store.conversations.findById(c.id))?.lastSeq).toBe(1);
    });

    it("writes many conversations' messages at once, each numbered in its own conversation, retries stored once", async () => {
      const conversations = await Promise.all(Array.from({ length: 6 }, () => conversation()));
      const writes = conversations.flatMap((c) => [
        ...Array.from({ length: 5 }, (_, i) => message(c.id, `m${i}`, `${c.id}-${i}`)),
        message(c.id, 'retry', `${c.id}-0`),
      ]);
      // a write to nowhere in the same batch fails alone
      const lost = message('conv_missing', 'lost').then(
        () => 'stored',
        () => 'refused',
      );
      await Promise.all(writes);
      expect(await lost).toBe('refused');
      for (const c of conversations) {
        const stored = await store.messages.listAfter(c.id, 0, 100);
        expect(stored.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
        expect(new Set(stored.map((m) => m.clientMessageId)).size).toBe(5);
        expect((await store.conversations.findById(c.id))?.lastSeq).toBe(5);
      }
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

    it('tells a queued conversation its place in the queue’s order, and null for one not waiting', async () => {
      const ann = await agent('ann', 5);
      const first = await conversation();
      const second = await conversation();
      const third = await conversation();
      expect(await store.conversations.queuePosition(third.id)).toBe(3);
      await store.conversations.assign(first.id, ann.id, now());
      expect(await store.conversations.queuePosition(first.id)).toBeNull();
      expect(await store.conversations.queuePosition(second.id)).toBe(1);
      expect(await store.conversations.queuePosition(third.id)).toBe(2);
      const queue = (await store.conversations.listQueued()).map((q) => q.id);
      expect(queue.indexOf(third.id) + 1).toBe(2);
      expect(await store.conversations.queuePosition(newId('conv'))).toBeNull();
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

    it('never fills a seat past capacity, even when assignments to one agent race', async () => {
      const ann = await agent('ann', 2);
      const waiting = await Promise.all([
        conversation(),
        conversation(),
        conversation(),
        conversation(),
        conversation(),
      ]);
      const results = await Promise.all(waiting.map((c) => store.conversations.assign(c.id, ann.id, now())));
      expect(results.filter(Boolean)).toHaveLength(2);
      expect((await store.agents.routingCandidates([ann.id]))[0]?.activeCount).toBe(2);
      expect(await store.conversations.activeHolders()).toEqual([ann.id]);
      // a full agent takes no transfer and cannot reopen past capacity either
      const bob = await agent('bob', 1);
      const bobs = waiting.find((_, i) => !results[i]);
      if (!bobs) throw new Error('expected a conversation left waiting');
      expect(await store.conversations.assign(bobs.id, bob.id, now())).toBeDefined();
      const annsFirst = results.find(Boolean);
      if (!annsFirst) throw new Error('expected an assignment');
      expect(await store.conversations.transfer(annsFirst.id, ann.id, bob.id)).toBeUndefined();
      await store.conversations.close(annsFirst.id, 'agent', now());
      const third = waiting.find((c, i) => !results[i] && c.id !== bobs.id);
      if (!third) throw new Error('expected another conversation left waiting');
      expect(await store.conversations.assign(third.id, ann.id, now())).toBeDefined();
      expect(await store.conversations.reopen(annsFirst.id, ann.id)).toBeUndefined();
      expect((await store.conversations.findById(annsFirst.id))?.status).toBe('closed');
    });

    it('gives no new conversation to an agent who is away or deactivated', async () => {
      const ann = await agent('ann', 5);
      const c = await conversation();
      await store.agents.setStatus(ann.id, 'away');
      expect(await store.conversations.assign(c.id, ann.id, now())).toBeUndefined();
      await store.agents.setStatus(ann.id, 'online');
      await store.agents.update(ann.id, { active: false });
      expect(await store.conversations.assign(c.id, ann.id, now())).toBeUndefined();
      expect((await store.conversations.findById(c.id))?.status).toBe('queued');
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

    it('keeps each site’s identity secret and widget settings, changing only what is given', async () => {
      const site = await store.sites.findById(siteId);
      expect(site).toMatchObject({
        identitySecret: 'ab'.repeat(32),
        identityVerificationRequired: false,
        locale: null,
        preChat: { enabled: false, fields: [] },
      });
      const preChat = { enabled: true, fields: [{ field: 'email' as const, required: true }] };
      await store.sites.updateSettings(siteId, { identityVerificationRequired: true, preChat });
      await store.sites.updateSettings(siteId, { locale: 'de' });
      expect(await store.sites.findById(siteId)).toMatchObject({
        identityVerificationRequired: true,
        locale: 'de',
        preChat,
      });
      expect(await store.sites.findById('site_missing')).toBeUndefined();
    });

    it('lists up to n active agents as the team, without emails', async () => {
      for (const name of ['ann', 'bob', 'cy']) await agent(name);
      expect(await store.agents.team(2)).toEqual([
        { name: 'ann', avatarUrl: null },
        { name: 'bob', avatarUrl: null },
      ]);
    });

    it('stores visitor profiles and shows them on the visitor’s conversations', async () => {
      const c = await conversation();
      const verified = await store.visitors.updateProfile(
        c.visitorId,
        siteId,
        {
          externalUserId: 'u_42',
          name: 'Ada',
          email: 'ada@example.com',
          attributes: { plan: 'pro', seats: 3, trial: false, ref: null },
          verified: true,
        },
        now(),
      );
      expect(verified).toMatchObject({
        externalUserId: 'u_42',
        name: 'Ada',
        verified: true,
        attributes: { plan: 'pro', seats: 3, trial: false, ref: null },
      });
      expect(await store.conversations.findById(c.id)).toMatchObject({
        visitorName: 'Ada',
        visitorEmail: 'ada@example.com',
        visitorVerified: true,
      });
      // Fields left out keep their values.
      await store.visitors.updateProfile(c.visitorId, siteId, { verified: false, externalUserId: null }, now());
      expect(await store.visitors.findById(c.visitorId)).toMatchObject({
        name: 'Ada',
        externalUserId: null,
        verified: false,
      });
      // A visitor seen for the first time is created by the update.
      const fresh = newId('vis');
      expect(await store.visitors.updateProfile(fresh, siteId, { email: 'new@example.com' }, now())).toMatchObject({
        id: fresh,
        email: 'new@example.com',
        name: null,
        attributes: {},
        verified: false,
      });
    });

    it('finds the other visitors verified as one host-app user, most recently seen first', async () => {
      const verify = (id: string, userId: string, verified = true) =>
        store.visitors.updateProfile(id, siteId, { externalUserId: userId, verified }, now());
      await verify('vis_laptop', 'u_1');
      await verify('vis_phone', 'u_1');
      await verify('vis_other', 'u_2');
      await verify('vis_unproven', 'u_1', false);
      await store.visitors.updateProfile('vis_laptop', siteId, { name: 'Ada' }, now());
      const otherSite = (
        await store.sites.create(
          siteFixture(now(), {
            name: 'Blog',
            allowedOrigins: ['https://blog.example'],
            isDemo: false,
            identitySecret: 'cd'.repeat(32),
          }),
        )
      ).id;
      await store.visitors.updateProfile('vis_elsewhere', otherSite, { externalUserId: 'u_1', verified: true }, now());

      const found = await store.visitors.findVerifiedUser(siteId, 'u_1', 'vis_new', 10);
      expect(found.map((v) => v.id)).toEqual(['vis_laptop', 'vis_phone']);
      expect((await store.visitors.findVerifiedUser(siteId, 'u_1', 'vis_laptop', 10)).map((v) => v.id)).toEqual([
        'vis_phone',
      ]);
      expect(await store.visitors.findVerifiedUser(siteId, 'u_1', 'vis_new', 1)).toHaveLength(1);
      expect(await store.visitors.findVerifiedUser(siteId, 'u_9', 'vis_new', 10)).toEqual([]);
    });

    it('lets an offline conversation coexist with one open live conversation', async () => {
      const visitorId = newId('vis');
      await store.visitors.ensure(visitorId, siteId, now());
      const offline = await store.conversations.create({
        id: newId('conv'),
        siteId,
        visitorId,
        now: now(),
        status: 'offline',
      });
      expect(offline).toMatchObject({ status: 'offline', agent: null, rating: null, ratingComment: null });
      await store.conversations.create({ id: newId('conv'), siteId, visitorId, now: now(), status: 'offline' });
      expect(await store.conversations.findOpenByVisitor(visitorId)).toBeUndefined();
      const live = await store.conversations.create({ id: newId('conv'), siteId, visitorId, now: now() });
      expect((await store.conversations.findOpenByVisitor(visitorId))?.id).toBe(live.id);
      expect((await store.conversations.listQueued()).map((q) => q.id)).toEqual([live.id]);
    });

    it('finds a visitor’s message by client id across their conversations', async () => {
      const c = await conversation();
      const { message: sent } = await message(c.id, 'hi', 'client-id-xyz');
      expect((await store.messages.findByVisitorClientId(c.visitorId, 'client-id-xyz'))?.id).toBe(sent.id);
      expect(await store.messages.findByVisitorClientId(newId('vis'), 'client-id-xyz')).toBeUndefined();
    });

    it('stores and replaces a rating', async () => {
      const c = await conversation();
      expect(await store.conversations.rate(c.id, 2, 'slow')).toMatchObject({ rating: 2, ratingComment: 'slow' });
      expect(await store.conversations.rate(c.id, 5, null)).toMatchObject({ rating: 5, ratingComment: null });
    });

    it('reports the waits of the most recently assigned conversations in seconds', async () => {
      const ann = await agent('ann', 10);
      expect(await store.conversations.recentWaits(20)).toEqual([]);
      const first = await conversation();
      const second = await conversation();
      // The clock ticks one second per call: each assignment happens a few seconds after creation.
      await store.conversations.assign(first.id, ann.id, now());
      await store.conversations.assign(second.id, ann.id, now());
      const waits = await store.conversations.recentWaits(20);
      expect(waits).toHaveLength(2);
      const [latest, earlier] = waits;
      expect(latest).toBe(
        (Date.parse((await store.conversations.findById(second.id))?.assignedAt ?? '') - Date.parse(second.createdAt)) /
          1000,
      );
      expect(earlier).toBe(
        (Date.parse((await store.conversations.findById(first.id))?.assignedAt ?? '') - Date.parse(first.createdAt)) /
          1000,
      );
      expect(await store.conversations.recentWaits(1)).toEqual([latest]);
    });

    it('keeps only the latest page views per visitor, newest first', async () => {
      const a = newId('vis');
      const b = newId('vis');
      await store.visitors.ensure(a, siteId, now());
      await store.visitors.ensure(b, siteId, now());
      for (let i = 1; i <= 7; i++) {
        await store.pageViews.record(
          a,
          { url: `https://shop.example/${i}`, title: `Page ${i}`, referrer: null, at: now() },
          5,
        );
      }
      await store.pageViews.record(
        b,
        { url: 'https://shop.example/b', title: 'B', referrer: 'https://ref.example/', at: now() },
        5,
      );
      expect((await store.pageViews.listRecent(a, 100)).map((v) => v.title)).toEqual([
        'Page 7',
        'Page 6',
        'Page 5',
        'Page 4',
        'Page 3',
      ]);
      expect(await store.pageViews.listRecent(b, 100)).toEqual([
        { url: 'https://shop.example/b', title: 'B', referrer: 'https://ref.example/', at: expect.any(String) },
      ]);
      expect(await store.pageViews.listRecent(a, 2)).toHaveLength(2);
    });

    it('lists and updates agents, refusing an email another agent has', async () => {
      const ann = await agent('ann');
      const bob = await agent('bob');
      expect((await store.agents.list()).map((a) => a.name)).toEqual(['ann', 'bob']);
      expect((await store.agents.list())[0]).toMatchObject({ id: ann.id, active: true, createdAt: ann.createdAt });
      const changed = await store.agents.update(ann.id, {
        name: 'Ann B.',
        role: 'admin',
        capacity: 7,
        email: 'ANN.B@example.com',
      });
      expect(changed).toMatchObject({
        name: 'Ann B.',
        role: 'admin',
        capacity: 7,
        email: 'ann.b@example.com',
        active: true,
      });
      expect(await store.agents.update(ann.id, {})).toEqual(changed);
      await expect(store.agents.update(bob.id, { email: 'ann.b@example.com' })).rejects.toSatisfy(
        (e: unknown) => e instanceof ParleyError && e.code === 'conflict',
      );
      await expect(
        store.agents.create({
          id: newId('agt'),
          email: 'BOB@example.com',
          name: 'x',
          role: 'agent',
          capacity: 1,
          passwordHash: 'h',
          createdAt: now(),
        }),
      ).rejects.toSatisfy((e: unknown) => e instanceof ParleyError && e.code === 'conflict');
      expect(await store.agents.update(bob.id, { active: false, passwordHash: 'scrypt$new' })).toMatchObject({
        active: false,
        passwordHash: 'scrypt$new',
      });
      expect((await store.agents.team(10)).map((m) => m.name)).not.toContain('bob');
      expect(await store.agents.update('agt_missing', { name: 'x' })).toBeUndefined();
    });

    it('ends every session of one agent at once', async () => {
      const ann = await agent('ann');
      const bob = await agent('bob');
      await store.sessions.create('ann-1', ann.id, '2030-01-01T00:00:00.000Z');
      await store.sessions.create('ann-2', ann.id, '2030-01-01T00:00:00.000Z');
      await store.sessions.create('bob-1', bob.id, '2030-01-01T00:00:00.000Z');
      await store.sessions.deleteForAgent(ann.id);
      expect(await store.sessions.find('ann-1')).toBeUndefined();
      expect(await store.sessions.find('ann-2')).toBeUndefined();
      expect(await store.sessions.find('bob-1')).toBeDefined();
    });

    it('puts an agent’s active conversations back in the queue, leaving closed ones alone', async () => {
      const ann = await agent('ann', 5);
      const bob = await agent('bob', 5);
      const first = await conversation();
      const second = await conversation();
      const done = await conversation();
      const bobs = await conversation();
      for (const c of [first, second, done]) await store.conversations.assign(c.id, ann.id, now());
      await store.conversations.assign(bobs.id, bob.id, now());
      await store.conversations.close(done.id, 'agent', now());
      const requeued = await store.conversations.requeueForAgent(ann.id);
      expect(requeued.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
      for (const c of requeued) expect(c).toMatchObject({ status: 'queued', agent: null, assignedAt: null });
      expect((await store.conversations.listQueued()).map((c) => c.id)).toEqual([first.id, second.id]);
      expect(await store.conversations.listOpenForAgent(ann.id)).toEqual([]);
      expect((await store.conversations.findById(done.id))?.status).toBe('closed');
      expect((await store.conversations.findById(bobs.id))?.agent?.id).toBe(bob.id);
      expect(await store.conversations.requeueForAgent(ann.id)).toEqual([]);
    });

    it('lists sites and changes every admin setting, only the ones given', async () => {
      const other = await store.sites.create({
        id: newId('site'),
        name: 'Other',
        siteKey: newId('pk'),
        allowedOrigins: ['https://other.example'],
        color: '#111111',
        greeting: '',
        position: 'right',
        isDemo: false,
        createdAt: now(),
        identitySecret: 'cd'.repeat(32),
      });
      expect((await store.sites.list()).map((site) => site.id)).toEqual([siteId, other.id]);
      expect(other.businessHours).toEqual({ enabled: false, timeZone: 'UTC', days: [] });
      const businessHours = {
        enabled: true,
        timeZone: 'Europe/Berlin',
        days: [{ day: 'mon' as const, open: '09:00', close: '17:30' }],
      };
      await store.sites.updateSettings(other.id, {
        name: 'Other shop',
        allowedOrigins: ['https://other.example', 'http://localhost:8080'],
        color: '#ff8800',
        position: 'left',
        greeting: 'Moin',
        identitySecret: 'ef'.repeat(32),
        businessHours,
      });
      expect(await store.sites.findById(other.id)).toMatchObject({
        name: 'Other shop',
        allowedOrigins: ['https://other.example', 'http://localhost:8080'],
        color: '#ff8800',
        position: 'left',
        greeting: 'Moin',
        identitySecret: 'ef'.repeat(32),
        businessHours,
        locale: null,
      });
      expect((await store.sites.findById(siteId))?.name).toBe('Shop');
    });

    it('keeps shared and personal canned responses apart, one shortcut per owner', async () => {
      const ann = await agent('ann');
      const bob = await agent('bob');
      const create = (ownerId: string | null, shortcut: string, body = `${shortcut} body`) =>
        store.cannedResponses.create({ id: newId('cnd'), ownerId, shortcut, body, now: now() });
      const thanks = await create(null, 'thanks');
      const annThanks = await create(ann.id, 'thanks', 'Thanks from Ann');
      await create(ann.id, 'bye');
      await create(bob.id, 'hello');
      await create(null, 'hours');
      expect(thanks).toMatchObject({ scope: 'shared', ownerId: null, shortcut: 'thanks' });
      expect(annThanks).toMatchObject({ scope: 'personal', ownerId: ann.id });
      expect((await store.cannedResponses.listFor(ann.id)).map((r) => `${r.scope}:${r.shortcut}`)).toEqual([
        'shared:hours',
        'shared:thanks',
        'personal:bye',
        'personal:thanks',
      ]);
      for (const [owner, shortcut] of [
        [null, 'thanks'],
        [ann.id, 'bye'],
      ] as const) {
        await expect(create(owner, shortcut)).rejects.toSatisfy(
          (e: unknown) => e instanceof ParleyError && e.code === 'conflict',
        );
      }
      await expect(
        store.cannedResponses.update(annThanks.id, { shortcut: 'bye', body: 'x', now: now() }),
      ).rejects.toSatisfy((e: unknown) => e instanceof ParleyError && e.code === 'conflict');
      const edited = await store.cannedResponses.update(annThanks.id, { shortcut: 'ty', body: 'Ty!', now: now() });
      expect(edited).toMatchObject({ shortcut: 'ty', body: 'Ty!', createdAt: annThanks.createdAt });
      expect(edited?.updatedAt).not.toBe(annThanks.updatedAt);
      expect(await store.cannedResponses.findById(annThanks.id)).toEqual(edited);
      expect(await store.cannedResponses.delete(annThanks.id)).toBe(true);
      expect(await store.cannedResponses.delete(annThanks.id)).toBe(false);
      expect(
        await store.cannedResponses.update(annThanks.id, { shortcut: 'z', body: 'z', now: now() }),
      ).toBeUndefined();
      expect((await store.cannedResponses.listFor(bob.id)).map((r) => r.shortcut)).toEqual([
        'hours',
        'thanks',
        'hello',
      ]);
    });

    it('keeps each agent’s chosen status, online by default, and reports it with their load', async () => {
      const ann = await agent('ann', 2);
      const bob = await agent('bob', 1);
      expect((await store.agents.findById(ann.id))?.status).toBe('online');
      // bob takes a chat while online, then steps away from the console: he keeps it
      const c = await conversation();
      await store.conversations.assign(c.id, bob.id, now());
      await store.agents.setStatus(ann.id, 'away');
      await store.agents.setStatus(bob.id, 'offline');
      expect((await store.agents.findById(ann.id))?.status).toBe('away');
      const candidates = await store.agents.routingCandidates([ann.id, bob.id]);
      expect(candidates.find((x) => x.id === ann.id)).toMatchObject({
        name: 'ann',
        status: 'away',
        activeCount: 0,
        capacity: 2,
      });
      expect(candidates.find((x) => x.id === bob.id)).toMatchObject({
        name: 'bob',
        status: 'offline',
        activeCount: 1,
        capacity: 1,
      });
      expect((await store.agents.listLoads()).map((x) => [x.name, x.status, x.activeCount])).toEqual([
        ['ann', 'away', 0],
        ['bob', 'offline', 1],
      ]);
    });

    it('keeps a site’s routing mode, automatic by default', async () => {
      expect((await store.sites.findById(siteId))?.routingMode).toBe('automatic');
      await store.sites.updateSettings(siteId, { routingMode: 'manual' });
      expect((await store.sites.findById(siteId))?.routingMode).toBe('manual');
      await store.sites.updateSettings(siteId, { locale: 'fr' });
      expect((await store.sites.findById(siteId))?.routingMode).toBe('manual');
    });

    it('lists the queue with each visitor’s opening message and the site’s routing mode', async () => {
      await store.sites.updateSettings(siteId, { routingMode: 'manual' });
      const c = await conversation();
      const silent = await conversation();
      await message(c.id, 'I need help with my invoice');
      await message(c.id, 'hello?');
      const queue = await store.conversations.listQueued();
      expect(
        queue.map((q) => [q.id, q.firstMessage?.body ?? null, q.lastMessage?.body ?? null, q.routingMode]),
      ).toEqual([
        [c.id, 'I need help with my invoice', 'hello?', 'manual'],
        [silent.id, null, null, 'manual'],
      ]);
    });

    it('transfers only an active conversation, and only from the agent who holds it', async () => {
      const ann = await agent('ann');
      const bob = await agent('bob');
      const c = await conversation();
      expect(await store.conversations.transfer(c.id, ann.id, bob.id)).toBeUndefined();
      await store.conversations.assign(c.id, ann.id, now());
      expect(await store.conversations.transfer(c.id, bob.id, ann.id)).toBeUndefined();
      const moved = await store.conversations.transfer(c.id, ann.id, bob.id);
      expect(moved).toMatchObject({ status: 'active', agent: { id: bob.id, name: 'bob' } });
      expect((await store.agents.routingCandidates([ann.id, bob.id])).map((x) => [x.name, x.activeCount])).toEqual(
        expect.arrayContaining([
          ['ann', 0],
          ['bob', 1],
        ]),
      );
    });

    it('reopens a closed conversation with the same agent, unless the visitor has opened another', async () => {
      const ann = await agent('ann');
      const bob = await agent('bob');
      const c = await conversation();
      await store.conversations.assign(c.id, ann.id, now());
      expect(await store.conversations.reopen(c.id, ann.id)).toBeUndefined(); // not closed
      await store.conversations.close(c.id, 'agent', now());
      expect(await store.conversations.reopen(c.id, bob.id)).toBeUndefined(); // not bob's
      expect(await store.conversations.reopen(c.id, ann.id)).toMatchObject({
        status: 'active',
        agent: { id: ann.id },
        closedAt: null,
        closedBy: null,
      });
      await store.conversations.close(c.id, 'visitor', now());
      await store.conversations.create({ id: newId('conv'), siteId, visitorId: c.visitorId, now: now() });
      await expect(store.conversations.reopen(c.id, ann.id)).rejects.toSatisfy(
        (e: unknown) => e instanceof ParleyError && e.code === 'conflict',
      );
      expect((await store.conversations.findById(c.id))?.status).toBe('closed');
    });

    it('lists an agent’s recently closed conversations, the latest closed first, since a time and up to a limit', async () => {
      const ann = await agent('ann', 5);
      const bob = await agent('bob');
      const [old, first, second, open, bobs] = [
        await conversation(),
        await conversation(),
        await conversation(),
        await conversation(),
        await conversation(),
      ];
      for (const c of [old, first, second, open]) await store.conversations.assign(c.id, ann.id, now());
      await store.conversations.assign(bobs.id, bob.id, now());
      await store.conversations.close(old.id, 'agent', now());
      const since = now();
      await store.conversations.close(first.id, 'visitor', now());
      await message(second.id, 'thanks, bye');
      await store.conversations.close(second.id, 'agent', now());
      await store.conversations.close(bobs.id, 'agent', now());
      const closed = await store.conversations.listClosedForAgent(ann.id, since, 10);
      expect(closed.map((c) => [c.id, c.status, c.lastMessage?.body ?? null])).toEqual([
        [second.id, 'closed', 'thanks, bye'],
        [first.id, 'closed', null],
      ]);
      expect((await store.conversations.listClosedForAgent(ann.id, since, 1)).map((c) => c.id)).toEqual([second.id]);
    });

    it('keeps a site’s own maximum queue wait (null until set) and a visitor’s time zone', async () => {
      expect((await store.sites.findById(siteId))?.queueMaxWaitSeconds).toBeNull();
      await store.sites.updateSettings(siteId, { queueMaxWaitSeconds: 90 });
      expect((await store.sites.findById(siteId))?.queueMaxWaitSeconds).toBe(90);
      await store.sites.updateSettings(siteId, { queueMaxWaitSeconds: null });
      expect((await store.sites.findById(siteId))?.queueMaxWaitSeconds).toBeNull();
      const visitorId = newId('vis');
      expect((await store.visitors.updateProfile(visitorId, siteId, {}, now())).timeZone).toBeNull();
      await store.visitors.updateProfile(visitorId, siteId, { timeZone: 'Asia/Tokyo' }, now());
      expect((await store.visitors.findById(visitorId))?.timeZone).toBe('Asia/Tokyo');
    });

    it('stores private notes after the current last message, once per client id', async () => {
      const c = await conversation();
      await message(c.id, 'one');
      const author = { id: 'agt_ann', name: 'Ann' };
      const add = (
        body: string,
        clientNoteId: string | null,
        transferredTo: { id: string; name: string } | null = null,
      ) =>
        store.notes.add({
          id: newId('note'),
          conversationId: c.id,
          clientNoteId,
          author,
          body,
          transferredTo,
          now: now(),
        });
      const [a, b] = await Promise.all([add('VIP customer', 'note-client-1'), add('VIP customer', 'note-client-1')]);
      expect(a.note.id).toBe(b.note.id);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      await message(c.id, 'two');
      await add('', null, { id: 'agt_bob', name: 'Bob' });
      const notes = await store.notes.listFor(c.id);
      expect(notes.map((n) => [n.afterSeq, n.body, n.author.name, n.transferredTo?.name ?? null])).toEqual([
        [1, 'VIP customer', 'Ann', null],
        [2, '', 'Ann', 'Bob'],
      ]);
      expect(await store.notes.listFor(newId('conv'))).toEqual([]);
      // notes are not messages: the visitor's thread is unchanged
      expect((await store.messages.listAfter(c.id, 0, 100)).map((m) => m.body)).toEqual(['one', 'two']);
    });

    it('stores transcript requests as pending', async () => {
      const c = await conversation();
      const request = await store.transcriptRequests.request({
        id: newId('trq'),
        conversationId: c.id,
        email: 'ada@example.com',
        now: now(),
      });
      expect(request).toMatchObject({ conversationId: c.id, email: 'ada@example.com', sentAt: null });
      expect(await store.transcriptRequests.listPending(10)).toEqual([request]);
    });

    it('keeps one transcript request per conversation: asking again re-addresses it until it is sent', async () => {
      const c = await conversation();
      const first = await store.transcriptRequests.request({
        id: newId('trq'),
        conversationId: c.id,
        email: 'ada@example.com',
        now: now(),
      });
      const again = await store.transcriptRequests.request({
        id: newId('trq'),
        conversationId: c.id,
        email: 'grace@example.com',
        now: now(),
      });
      expect(again).toMatchObject({ id: first?.id, email: 'grace@example.com', sentAt: null });
      expect(await store.transcriptRequests.listPending(10)).toEqual([again]);
      expect(await store.transcriptRequests.findByConversation(c.id)).toEqual(again);
      await store.conversations.close(c.id, 'visitor', now());
      await store.mailJobs.completeTranscript(
        first?.id ?? '',
        {
          id: newId('mail'),
          kind: 'transcript',
          to: 'grace@example.com',
          subject: 'Transcript',
          text: 'x',
          html: '<p>x</p>',
          messageId: `<${newId('mail')}@parley.test>`,
          inReplyTo: null,
          references: [],
          replyTo: null,
          conversationId: c.id,
          dedupeKey: `transcript:${first?.id ?? ''}`,
          createdAt: now(),
        },
        now(),
      );
      // sent: the request is not re-addressed any more
      expect(
        await store.transcriptRequests.request({
          id: newId('trq'),
          conversationId: c.id,
          email: 'x@example.com',
          now: now(),
        }),
      ).toBeUndefined();
      expect(await store.transcriptRequests.findByConversation(c.id)).toMatchObject({ email: 'grace@example.com' });
      expect(await store.transcriptRequests.findByConversation(newId('conv'))).toBeUndefined();
    });

    it('counts the last hour’s visitor-caused mail by address, visitor and site', async () => {
      const c = await conversation();
      const since = now();
      const zero = { toAddress: 0, byVisitor: 0, onSite: 0 };
      const count = (address: string) =>
        store.visitorMail.countSince({ since, address, visitorId: c.visitorId, siteId: c.siteId });
      expect(await count('ada@example.com')).toEqual(zero);
      await store.transcriptRequests.request({
        id: newId('trq'),
        conversationId: c.id,
        email: 'Ada@Example.com',
        now: now(),
      });
      await store.outbox.enqueue([
        {
          id: newId('mail'),
          kind: 'ticket_confirmation',
          to: 'ada@example.com',
          subject: 'Your conversation',
          text: 'x',
          html: '<p>x</p>',
          messageId: `<${newId('mail')}@parley.test>`,
          inReplyTo: null,
          references: [],
          replyTo: null,
          conversationId: c.id,
          dedupeKey: `confirmation:${c.id}`,
          createdAt: now(),
        },
      ]);
      expect(await count('ADA@example.com')).toEqual({ toAddress: 2, byVisitor: 2, onSite: 2 });
      expect(await count('grace@example.com')).toEqual({ toAddress: 0, byVisitor: 2, onSite: 2 });
      expect(
        await store.visitorMail.countSince({
          since,
          address: 'ada@example.com',
          visitorId: 'vis_other',
          siteId: 'site_other',
        }),
      ).toEqual({ toAddress: 2, byVisitor: 0, onSite: 0 });
      // outside the window: nothing
      expect(
        await store.visitorMail.countSince({
          since: '2999-01-01T00:00:00.000Z',
          address: 'ada@example.com',
          visitorId: c.visitorId,
          siteId: c.siteId,
        }),
      ).toEqual(zero);
    });
    const mail = (overrides: Partial<NewOutboxMail> = {}): NewOutboxMail => {
      const id = newId('mail');
      return {
        id,
        kind: 'ticket_reply',
        to: 'ada@example.com',
        subject: 'Re: your question',
        text: 'Hello',
        html: '<p>Hello</p>',
        messageId: `<${id}@parley.test>`,
        inReplyTo: null,
        references: [],
        replyTo: null,
        conversationId: null,
        dedupeKey: null,
        createdAt: now(),
        ...overrides,
      };
    };

    const newTicket = (
      c: { id: string; siteId: string; visitorId: string },
      overrides: Partial<NewTicket> = {},
    ): NewTicket => ({
      conversationId: c.id,
      siteId: c.siteId,
      visitorId: c.visitorId,
      status: 'open',
      source: 'queue_timeout',
      email: 'ada@example.com',
      assigneeId: null,
      replyToken: newId('mail'),
      rootMessageId: `<root-${c.id}@parley.test>`,
      lastMessageId: `<root-${c.id}@parley.test>`,
      now: now(),
      ...overrides,
    });

    it('turns a conversation into a ticket once, with its mails, out of the queue', async () => {
      const c = await conversation();
      const opened = await store.tickets.open({
        ticket: newTicket(c),
        fromStatuses: ['queued'],
        mails: [mail({ conversationId: c.id, messageId: '<root-mail@parley.test>' })],
      });
      expect(opened?.created).toBe(true);
      expect(opened?.ticket).toMatchObject({
        conversationId: c.id,
        status: 'open',
        source: 'queue_timeout',
        assignee: null,
        solvedAt: null,
      });
      expect((await store.conversations.findById(c.id))?.status).toBe('offline');
      expect(await store.conversations.listQueued()).toEqual([]);
      const again = await store.tickets.open({
        ticket: newTicket(c),
        fromStatuses: ['queued', 'offline'],
        mails: [mail({ conversationId: c.id })],
      });
      expect(again).toMatchObject({ created: false, ticket: { replyToken: opened?.ticket.replyToken } });
      expect(await store.outbox.list({ conversationId: c.id })).toHaveLength(1);
      expect((await store.tickets.findByReplyToken(opened?.ticket.replyToken ?? ''))?.conversationId).toBe(c.id);
      expect((await store.tickets.findBySentMessageId(['<other@x>', '<root-mail@parley.test>']))?.conversationId).toBe(
        c.id,
      );
      expect(await store.tickets.findBySentMessageId(['<other@x>'])).toBeUndefined();
      // A conversation in another status than asked for is left alone.
      const active = await conversation();
      const ann = await agent('ann');
      await store.conversations.assign(active.id, ann.id, now());
      expect(
        await store.tickets.open({ ticket: newTicket(active), fromStatuses: ['queued'], mails: [] }),
      ).toBeUndefined();
      expect(await store.tickets.findByConversation(active.id)).toBeUndefined();
      expect(
        (
          await store.tickets.open({
            ticket: newTicket(active, { assigneeId: ann.id }),
            fromStatuses: ['active'],
            mails: [],
          })
        )?.ticket.assignee,
      ).toEqual({
        id: ann.id,
        name: 'ann',
      });
      expect(await store.tickets.agentsToNotify()).toEqual([{ id: ann.id, email: 'ann@example.com', name: 'ann' }]);
    });

    it('appends a ticket message with its change and mails all at once, once per client id', async () => {
      const c = await conversation();
      await store.tickets.open({ ticket: newTicket(c), fromStatuses: ['queued'], mails: [] });
      const input = {
        message: {
          id: newId('msg'),
          conversationId: c.id,
          clientMessageId: 'client-id-1',
          author: { kind: 'agent' as const, id: null, name: 'Ann' },
          body: 'Answer',
          now: now(),
        },
        change: { status: 'pending' as const, lastMessageId: '<reply@parley.test>', lastActivityAt: now() },
        mails: (m: { seq: number }) => [mail({ conversationId: c.id, subject: `seq ${m.seq}` })],
      };
      const first = await store.tickets.appendMessage(input);
      expect(first).toMatchObject({
        created: true,
        message: { seq: 1, body: 'Answer' },
        ticket: { status: 'pending', lastMessageId: '<reply@parley.test>' },
      });
      const retried = await store.tickets.appendMessage({ ...input, message: { ...input.message, id: newId('msg') } });
      expect(retried).toMatchObject({ created: false, message: { id: first.message.id } });
      expect((await store.outbox.list({ conversationId: c.id })).map((m) => m.subject)).toEqual(['seq 1']);
      const solvedAt = now();
      expect(await store.tickets.update(c.id, { status: 'solved', solvedAt })).toMatchObject({
        status: 'solved',
        solvedAt,
      });
    });

    it('lists tickets by status and email, newest activity first, a page at a time', async () => {
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
      const open = async (email: string, minute: number, status: 'open' | 'pending' | 'solved' = 'open') => {
        const c = await conversation();
        await store.tickets.open({
          ticket: newTicket(c, { email, status, now: at(minute) }),
          fromStatuses: ['queued'],
          mails: [],
        });
        return c.id;
      };
      const ada = await open('Ada@Example.com', 1);
      const bob = await open('bob@example.org', 2, 'pending');
      const percent = await open('100%_sure@example.com', 3);
      const solved = await open('ada.solved@example.com', 4, 'solved');
      await store.tickets.update(ada, { lastActivityAt: at(9) });

      const ids = async (filter: Parameters<typeof store.tickets.list>[0]) =>
        (await store.tickets.list(filter)).map((t) => t.conversationId);
      expect(await ids({ limit: 10, offset: 0 })).toEqual([ada, solved, percent, bob]);
      expect(await ids({ status: 'open', limit: 10, offset: 0 })).toEqual([ada, percent]);
      expect(await ids({ status: 'solved', limit: 10, offset: 0 })).toEqual([solved]);
      // any case, anywhere in the address; LIKE's wildcards are matched literally
      expect(await ids({ email: 'aDa', limit: 10, offset: 0 })).toEqual([ada, solved]);
      expect(await ids({ email: '%_', limit: 10, offset: 0 })).toEqual([percent]);
      expect(await ids({ status: 'pending', email: 'ada', limit: 10, offset: 0 })).toEqual([]);
      expect(await ids({ limit: 2, offset: 2 })).toEqual([percent, bob]);
      expect((await store.tickets.list({ status: 'pending', limit: 1, offset: 0 }))[0]).toMatchObject({
        email: 'bob@example.org',
        assignee: null,
      });
    });

    it('hands each due outbox entry to one claimer, retries later, and lets a lapsed claim be taken over', async () => {
      expect(
        await store.outbox.enqueue([mail({ dedupeKey: 'k1' }), mail({ dedupeKey: 'k1' }), mail(), mail(), mail()]),
      ).toBe(4);
      const at = now();
      const lease = new Date(Date.parse(at) + 60_000).toISOString();
      const [a, b] = await Promise.all([
        store.outbox.claimDue({ now: at, leaseUntil: lease, limit: 3, claimToken: 'a' }),
        store.outbox.claimDue({ now: at, leaseUntil: lease, limit: 3, claimToken: 'b' }),
      ]);
      const ids = [...a, ...b].map((m) => m.id);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(4);
      expect([...a, ...b].every((m) => m.status === 'sending' && m.attempts === 1)).toBe(true);
      const [first, second, third] = [...a, ...b];
      const firstToken = a.some((m) => m.id === first?.id) ? 'a' : 'b';
      expect(await store.outbox.markSent(first?.id ?? '', 'wrong', at)).toBe(false);
      expect(await store.outbox.markSent(first?.id ?? '', firstToken, at)).toBe(true);
      const retryAt = new Date(Date.parse(at) + 30_000).toISOString();
      const secondToken = a.some((m) => m.id === second?.id) ? 'a' : 'b';
      expect(await store.outbox.markFailed(second?.id ?? '', secondToken, 'SMTP down', retryAt)).toBe(true);
      expect(await store.outbox.findById(second?.id ?? '')).toMatchObject({
        status: 'pending',
        nextAttemptAt: retryAt,
        lastError: 'SMTP down',
        claimToken: null,
      });
      const thirdToken = a.some((m) => m.id === third?.id) ? 'a' : 'b';
      expect(await store.outbox.markFailed(third?.id ?? '', thirdToken, '550 no such user', null)).toBe(true);
      expect(await store.outbox.claimDue({ now: at, leaseUntil: lease, limit: 10, claimToken: 'c' })).toEqual([]);
      // After the lease and the retry time: the retried one and the one whose claimer vanished are due again.
      const later = new Date(Date.parse(lease) + 1).toISOString();
      const retaken = await store.outbox.claimDue({
        now: later,
        leaseUntil: new Date(Date.parse(later) + 60_000).toISOString(),
        limit: 10,
        claimToken: 'd',
      });
      expect(retaken.map((m) => m.attempts).sort()).toEqual([2, 2]);
      expect(await store.outbox.counts()).toEqual({ pending: 0, sending: 2, sent: 1, failed: 1 });
    });

    it('batches unseen-reply digests and hands each due one to one claimer', async () => {
      const c = await conversation();
      await store.mailJobs.scheduleUnseenReplies(c.id, '2026-01-02T00:00:10.000Z');
      await store.mailJobs.scheduleUnseenReplies(c.id, '2026-01-02T00:00:20.000Z');
      expect(
        await store.mailJobs.claimDueUnseenReplies('2026-01-02T00:00:09.000Z', '2026-01-02T00:05:00.000Z', 10),
      ).toEqual([]);
      const [a, b] = await Promise.all([
        store.mailJobs.claimDueUnseenReplies('2026-01-02T00:00:10.000Z', '2026-01-02T00:05:00.000Z', 10),
        store.mailJobs.claimDueUnseenReplies('2026-01-02T00:00:10.000Z', '2026-01-02T00:05:00.000Z', 10),
      ]);
      expect([...(a ?? []), ...(b ?? [])]).toEqual([{ conversationId: c.id, emailedSeq: 0 }]);
      await store.mailJobs.completeUnseenReplies(
        c.id,
        3,
        mail({ conversationId: c.id, dedupeKey: `unseen:${c.id}:3` }),
      );
      await store.mailJobs.completeUnseenReplies(c.id, 2, null);
      expect(
        await store.mailJobs.claimDueUnseenReplies('2026-01-03T00:00:00.000Z', '2026-01-03T00:05:00.000Z', 10),
      ).toEqual([]);
      await store.mailJobs.scheduleUnseenReplies(c.id, '2026-01-03T00:00:00.000Z');
      expect(
        await store.mailJobs.claimDueUnseenReplies('2026-01-03T00:00:00.000Z', '2026-01-03T00:05:00.000Z', 10),
      ).toEqual([{ conversationId: c.id, emailedSeq: 3 }]);
      expect(await store.outbox.list({ conversationId: c.id })).toHaveLength(1);
    });

    it('offers transcript requests for mailing once their chat has ended, and mails each once', async () => {
      const c = await conversation();
      const request = await store.transcriptRequests.request({
        id: newId('trq'),
        conversationId: c.id,
        email: 'ada@example.com',
        now: now(),
      });
      expect(await store.mailJobs.listReadyTranscripts(10)).toEqual([]);
      await store.conversations.close(c.id, 'visitor', now());
      expect(await store.mailJobs.listReadyTranscripts(10)).toEqual([request]);
      const sentAt = now();
      const id = request?.id ?? '';
      await store.mailJobs.completeTranscript(id, mail({ dedupeKey: `transcript:${id}` }), sentAt);
      await store.mailJobs.completeTranscript(id, mail({ dedupeKey: `transcript:${id}` }), now());
      expect(await store.mailJobs.listReadyTranscripts(10)).toEqual([]);
      expect(await store.transcriptRequests.listPending(10)).toEqual([]);
      expect((await store.outbox.counts()).pending).toBe(1);
    });
  });
}
