/**
 * @module The storage contract of mail to addresses visitors typed: one transcript request per
 * conversation, re-addressed until it is sent, and the window counts the mail limits read. A part of
 * store-contract.ts's per-engine suite.
 */
import { expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import type { StoreFixture } from './store-contract-fixture.ts';

export function visitorMailStoreContract(fixture: StoreFixture): void {
  let store: Store;
  fixture.onEach((opened) => ({ store } = opened));
  const { now, conversation } = fixture;

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
}
