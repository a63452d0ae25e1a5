/**
 * @module The storage contract of message edits and deletes (migration 0020): quotes read as the
 * original reads now, change numbers without gaps even when changes race, a retried edit stored
 * once, and the replaced texts kept as revisions. A part of store-contract.ts's per-engine suite.
 */
import { expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import type { MessageChange } from '../../src/store/message-change-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { StoreFixture } from './store-contract-fixture.ts';

export function messageChangeStoreContract(fixture: StoreFixture): void {
  let store: Store;
  fixture.onEach((opened) => ({ store } = opened));
  const { now, conversation, message } = fixture;
  const change = (
    messageId: string,
    action: MessageChange['action'],
    body = '',
    clientChangeId: string | null = null,
  ) =>
    store.messageChanges.apply({
      revisionId: newId('rev'),
      messageId,
      action,
      body,
      actor: { kind: 'visitor', id: 'vis_1', name: null },
      clientChangeId,
      now: now(),
    });

  it('reads a reply with its quote, as the original reads now', async () => {
    const c = await conversation();
    const original = (await message(c.id, 'the original words')).message;
    const reply = await store.messages.append({
      id: newId('msg'),
      conversationId: c.id,
      clientMessageId: 'reply-client-id',
      author: { kind: 'agent', id: 'agt_1', name: 'Ann' },
      body: 'an answer',
      now: now(),
      replyToId: original.id,
    });
    const quoted = (await store.messages.listAfter(c.id, 1, 10))[0];
    expect(quoted?.replyTo).toEqual({
      id: original.id,
      seq: 1,
      author: { kind: 'visitor', name: null },
      excerpt: 'the original words',
      deleted: false,
    });
    expect((await store.messages.findByClientId(c.id, 'reply-client-id'))?.replyTo?.id).toBe(original.id);
    await change(original.id, 'edit', 'edited words');
    expect((await store.messageChanges.findById(reply.message.id))?.replyTo?.excerpt).toBe('edited words');
    await change(original.id, 'delete');
    expect((await store.messageChanges.findById(reply.message.id))?.replyTo).toMatchObject({
      excerpt: '',
      deleted: true,
    });
  });

  it('numbers changes without gaps when they race, keeps each replaced text, and empties a deleted body', async () => {
    const c = await conversation();
    const messages = await Promise.all(Array.from({ length: 6 }, (_, i) => message(c.id, `m${i}`)));
    const results = await Promise.all(messages.map((m, i) => change(m.message.id, 'edit', `edited ${i}`)));
    expect(results.map((r) => r.message.changeSeq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5, 6]);
    const first = messages[0]?.message;
    if (!first) throw new Error('no message');
    const deleted = await change(first.id, 'delete');
    expect(deleted).toMatchObject({ changed: true, message: { body: '', changeSeq: 7 } });
    expect(deleted.message.deletedAt).toEqual(expect.any(String));
    const revisions = await store.messageChanges.revisions(first.id);
    expect(revisions.map((r) => [r.action, r.previousBody])).toEqual([
      ['edit', 'm0'],
      ['delete', 'edited 0'],
    ]);
    // what changed after 5, among seq ≤ 6: the sixth edit and the delete, in change order
    const since = await store.messageChanges.listChangedSince(c.id, 5, 6, 100);
    expect(since.map((m) => m.changeSeq)).toEqual([6, 7]);
    expect(await store.messageChanges.listChangedSince(c.id, 7, 6, 100)).toEqual([]);
  });

  it('applies an edit once per client change id, even when the retry races it', async () => {
    const c = await conversation();
    const m = (await message(c.id, 'draft')).message;
    const [a, b] = await Promise.allSettled([
      change(m.id, 'edit', 'final', 'change-id-1'),
      change(m.id, 'edit', 'final', 'change-id-1'),
    ]);
    // one applies; the other finds it, or (when both raced past the lookup) fails on the unique key
    const applied = [a, b].filter((r) => r.status === 'fulfilled' && r.value.changed);
    expect(applied).toHaveLength(1);
    expect(await store.messageChanges.revisions(m.id)).toHaveLength(1);
    const retry = await change(m.id, 'edit', 'final', 'change-id-1');
    expect(retry).toMatchObject({ changed: false, message: { body: 'final', changeSeq: 1 } });
  });
}
