/**
 * @module The storage contract of messages (numbered without gaps, stored once per client id),
 * visitors and their profiles, page views and private notes. A part of store-contract.ts's
 * per-engine suite.
 */
import { expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import type { StoreFixture } from './store-contract-fixture.ts';
import { siteFixture } from './site-fixture.ts';

export function messageAndVisitorStoreContract(fixture: StoreFixture): void {
  let store: Store;
  let siteId: string;
  fixture.onEach((opened) => ({ store, siteId } = opened));
  const { now, agent, conversation, message } = fixture;

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

  it('finds a visitor’s message by client id across their conversations', async () => {
    const c = await conversation();
    const { message: sent } = await message(c.id, 'hi', 'client-id-xyz');
    expect((await store.messages.findByVisitorClientId(c.visitorId, 'client-id-xyz'))?.id).toBe(sent.id);
    expect(await store.messages.findByVisitorClientId(newId('vis'), 'client-id-xyz')).toBeUndefined();
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
}
