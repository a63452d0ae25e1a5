/**
 * @module The storage contract of conversations: one open per visitor, the queue and its order,
 * assignment within capacity, transfer, reopen, close, seen marks, ratings and waits. A part of
 * store-contract.ts's per-engine suite.
 */
import { expect, it } from 'vitest';
import { ParleyError } from '../../src/errors.ts';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import type { StoreFixture } from './store-contract-fixture.ts';

export function conversationStoreContract(fixture: StoreFixture): void {
  let store: Store;
  let siteId: string;
  fixture.onEach((opened) => ({ store, siteId } = opened));
  const { now, agent, conversation, message } = fixture;

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
    const waiting = await Promise.all([conversation(), conversation(), conversation(), conversation(), conversation()]);
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

  it('lists the queue with each visitor’s opening message and the site’s routing mode', async () => {
    await store.sites.updateSettings(siteId, { routingMode: 'manual' });
    const c = await conversation();
    const silent = await conversation();
    await message(c.id, 'I need help with my invoice');
    await message(c.id, 'hello?');
    const queue = await store.conversations.listQueued();
    expect(queue.map((q) => [q.id, q.firstMessage?.body ?? null, q.lastMessage?.body ?? null, q.routingMode])).toEqual([
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
}
