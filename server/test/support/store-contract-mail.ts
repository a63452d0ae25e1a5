/**
 * @module The storage contract of email: tickets written with their mails, the outbox claimed by one
 * sender at a time, unseen-reply digests and transcript requests. A part of store-contract.ts's
 * per-engine suite.
 */
import { expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import type { NewOutboxMail } from '../../src/store/outbox-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { NewTicket } from '../../src/store/ticket-store.ts';
import type { StoreFixture } from './store-contract-fixture.ts';

export function mailStoreContract(fixture: StoreFixture): void {
  let store: Store;
  fixture.onEach((opened) => ({ store } = opened));
  const { now, agent, conversation } = fixture;

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

  it('gives a ticket message the files named with it, keeps a mail’s attachment ids, and deletes only unlinked files', async () => {
    const c = await conversation();
    await store.tickets.open({ ticket: newTicket(c), fromStatuses: ['queued'], mails: [] });
    const file = (name: string) => ({
      id: newId('att'),
      conversationId: c.id,
      uploader: { kind: 'agent' as const, id: 'agt_x' },
      name,
      type: 'application/pdf',
      size: 10,
      storageKey: `att/${name}`,
      thumbnailKey: null,
      messageId: null,
      createdAt: now(),
    });
    const [taken, spare] = [file('taken'), file('spare')];
    for (const record of [taken, spare]) await store.attachments.create(record);
    const outgoing = mail({ conversationId: c.id, attachmentIds: [taken.id] });
    const { message } = await store.tickets.appendMessage({
      message: {
        id: newId('msg'),
        conversationId: c.id,
        clientMessageId: 'reply-1',
        author: { kind: 'agent', id: 'agt_x', name: 'Ann' },
        body: 'Here',
        now: now(),
      },
      change: { status: 'pending' },
      mails: () => [outgoing],
      attachmentIds: [taken.id],
    });
    expect((await store.attachments.listForMessages([message.id])).get(message.id)?.map((f) => f.id)).toEqual([
      taken.id,
    ]);
    expect((await store.outbox.findById(outgoing.id))?.attachmentIds).toEqual([taken.id]);
    const removed = await store.attachments.deleteUnlinked([taken.id, spare.id]);
    expect(removed.map((r) => r.id)).toEqual([spare.id]);
    expect(await store.attachments.findById(spare.id)).toBeUndefined();
    expect(await store.attachments.findById(taken.id)).toMatchObject({ messageId: message.id });
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
    await store.mailJobs.completeUnseenReplies(c.id, 3, mail({ conversationId: c.id, dedupeKey: `unseen:${c.id}:3` }));
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
}
