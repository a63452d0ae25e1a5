/**
 * @module The storage contract of reports and retention: facts recorded as conversations change,
 * the range read, the queue now, and removal of conversations and visitors. Run per engine beside
 * store-contract.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationOrigin } from '@parley/shared';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { siteFixture } from './site-fixture.ts';

export function reportStoreContract(
  engine: string,
  open: () => Promise<{ store: Store; dispose: () => Promise<void> }>,
): void {
  describe(`report and privacy store contract: ${engine}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let siteId: string;
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();

    beforeEach(async () => {
      ({ store, dispose } = await open());
      siteId = (await store.sites.create(siteFixture(at(0)))).id;
    });
    afterEach(async () => {
      await dispose();
    });

    const agent = (name: string) =>
      store.agents.create({
        id: newId('agt'),
        email: `${name}@example.com`,
        name,
        role: 'agent',
        capacity: 5,
        passwordHash: 'scrypt$x',
        createdAt: at(0),
      });
    const conversation = async (
      minute: number,
      extra: { status?: 'queued' | 'offline'; origin?: ConversationOrigin } = {},
    ) => {
      const visitorId = newId('vis');
      await store.visitors.ensure(visitorId, siteId, at(minute));
      return store.conversations.create({ id: newId('conv'), siteId, visitorId, now: at(minute), ...extra });
    };
    const say = (conversationId: string, kind: 'visitor' | 'agent', body: string, minute: number) =>
      store.messages.append({
        id: newId('msg'),
        conversationId,
        clientMessageId: newId('msg'),
        author: { kind, id: null, name: kind === 'agent' ? 'Ann' : null },
        body,
        now: at(minute),
      });
    const factsOf = async (id: string) =>
      (await store.reports.conversationFacts({ from: at(0), to: at(59) })).find((facts) => facts.id === id);

    it('records the first assignment, first agent reply, transfers and reopens as they happen', async () => {
      const ann = await agent('ann');
      const bob = await agent('bob');
      const c = await conversation(1, { origin: { kind: 'rule', ruleId: 'rule_welcome', ruleName: 'Welcome' } });
      await say(c.id, 'visitor', 'Hello?', 1);
      await store.conversations.assign(c.id, ann.id, at(3));
      // ann leaves: the chat is requeued and assigned again later; the first assignment stays
      await store.conversations.requeueForAgent(ann.id);
      await store.conversations.assign(c.id, ann.id, at(5));
      await say(c.id, 'agent', 'Hi!', 6);
      await say(c.id, 'agent', 'Still there?', 8);
      await store.conversations.transfer(c.id, ann.id, bob.id);
      await store.conversations.close(c.id, 'agent', at(10));
      await store.conversations.reopen(c.id, bob.id);
      await store.conversations.close(c.id, 'agent', at(12));
      await store.conversations.rate(c.id, 4, 'fine');
      expect(await factsOf(c.id)).toEqual({
        id: c.id,
        siteId,
        agentId: bob.id,
        status: 'closed',
        createdAt: at(1),
        firstAssignedAt: at(3),
        firstAgentReplyAt: at(6),
        closedAt: at(12),
        transferCount: 1,
        reopenCount: 1,
        ticket: null,
        rating: 4,
        startedByRuleId: 'rule_welcome',
        closedBy: 'agent',
      });
    });

    it('reads the facts of a half-open range of creation times, of one site or all, with the ticket', async () => {
      const other = (
        await store.sites.create(
          siteFixture(at(0), {
            name: 'Other',
            allowedOrigins: ['https://other.example'],
            isDemo: false,
            identitySecret: 'cd'.repeat(32),
          }),
        )
      ).id;
      const before = await conversation(9);
      const first = await conversation(10, { status: 'offline' });
      await store.tickets.open({
        ticket: {
          conversationId: first.id,
          siteId,
          visitorId: first.visitorId,
          status: 'solved',
          source: 'offline',
          email: 'ada@example.com',
          assigneeId: null,
          replyToken: newId('mail'),
          rootMessageId: '<r@x>',
          lastMessageId: '<r@x>',
          now: at(11),
        },
        fromStatuses: ['offline'],
        mails: [],
      });
      const visitorId = newId('vis');
      await store.visitors.ensure(visitorId, other, at(15));
      const elsewhere = await store.conversations.create({ id: newId('conv'), siteId: other, visitorId, now: at(15) });
      const last = await conversation(19);
      const ids = async (filter: { siteId?: string }) =>
        (await store.reports.conversationFacts({ from: at(10), to: at(20), ...filter })).map((f) => f.id);
      expect(await ids({})).toEqual([first.id, elsewhere.id, last.id]);
      expect(await ids({ siteId })).toEqual([first.id, last.id]);
      expect(await ids({ siteId: other })).toEqual([elsewhere.id]);
      expect((await factsOf(first.id))?.ticket).toEqual({ status: 'solved', solvedAt: null });
      expect(await factsOf(before.id)).toMatchObject({
        firstAssignedAt: null,
        firstAgentReplyAt: null,
        transferCount: 0,
        reopenCount: 0,
        startedByRuleId: null,
      });
    });

    it('says how many wait in the queue and since when', async () => {
      expect(await store.reports.waiting()).toEqual({ count: 0, oldestCreatedAt: null });
      const ann = await agent('ann');
      const taken = await conversation(1);
      await conversation(2);
      await conversation(4);
      await conversation(5, { status: 'offline' });
      await store.conversations.assign(taken.id, ann.id, at(3));
      expect(await store.reports.waiting()).toEqual({ count: 2, oldestCreatedAt: at(2) });
    });

    /** A finished conversation with something in every table that holds conversation data. */
    const fullConversation = async (minute: number) => {
      const ann = await agent(`ann${minute}`);
      const c = await conversation(minute);
      await say(c.id, 'visitor', 'My secret question', minute);
      await store.conversations.assign(c.id, ann.id, at(minute + 1));
      await say(c.id, 'agent', 'Answer', minute + 1);
      await store.notes.add({
        id: newId('note'),
        conversationId: c.id,
        clientNoteId: null,
        author: { id: ann.id, name: 'Ann' },
        body: 'private',
        transferredTo: null,
        now: at(minute + 1),
      });
      await store.transcriptRequests.request({
        id: newId('trq'),
        conversationId: c.id,
        email: 'ada@example.com',
        now: at(minute + 1),
      });
      await store.mailJobs.scheduleUnseenReplies(c.id, at(minute + 2));
      await store.conversations.rate(c.id, 5, 'lovely');
      await store.conversations.close(c.id, 'agent', at(minute + 2));
      await store.visitors.updateProfile(
        c.visitorId,
        siteId,
        { name: 'Ada', email: 'ada@example.com' },
        at(minute + 2),
      );
      await store.pageViews.record(
        c.visitorId,
        { url: 'https://shop.example/a', title: 'A', referrer: null, at: at(minute) },
        10,
      );
      return c;
    };

    it('finds ended conversations past the cutoff, and deletes them with everything said about them', async () => {
      const old = await fullConversation(1);
      const recent = await fullConversation(30);
      const stillOpen = await conversation(2);
      expect(await store.privacy.expiredConversations(at(20), 10)).toEqual([old.id]);
      await store.privacy.deleteConversations([old.id]);
      expect(await store.conversations.findById(old.id)).toBeUndefined();
      expect(await store.messages.listAfter(old.id, 0, 10)).toEqual([]);
      expect(await store.notes.listFor(old.id)).toEqual([]);
      expect(await store.transcriptRequests.listPending(10)).toEqual([
        expect.objectContaining({ conversationId: recent.id }),
      ]);
      expect(await store.conversations.findById(stillOpen.id)).toBeDefined();
      expect(await store.privacy.forgetIdleVisitors(at(20))).toBe(1);
      expect(await store.visitors.findById(old.visitorId)).toBeUndefined();
      expect(await store.pageViews.listRecent(old.visitorId, 10)).toEqual([]);
      expect(await store.visitors.findById(recent.visitorId)).toMatchObject({ email: 'ada@example.com' });
    });

    it('anonymises: the facts stay, the words and the person go, and it is not done twice', async () => {
      const old = await fullConversation(1);
      const before = await factsOf(old.id);
      await store.privacy.anonymiseConversations([old.id], at(40));
      expect(await factsOf(old.id)).toEqual(before);
      expect(await store.conversations.findById(old.id)).toMatchObject({ rating: 5, ratingComment: null });
      expect(await store.messages.listAfter(old.id, 0, 10)).toEqual([]);
      expect(await store.notes.listFor(old.id)).toEqual([]);
      expect(await store.privacy.expiredConversations(at(50), 10)).toEqual([]);
      expect(await store.privacy.forgetIdleVisitors(at(20))).toBe(1);
      expect(await store.visitors.findById(old.visitorId)).toMatchObject({ name: null, email: null, attributes: {} });
    });

    it('exports one visitor and deletes them with all of theirs', async () => {
      const c = await fullConversation(1);
      const exported = await store.privacy.exportVisitor(c.visitorId);
      expect(exported).toMatchObject({
        visitor: { id: c.visitorId, email: 'ada@example.com', name: 'Ada' },
        pageViews: [{ url: 'https://shop.example/a' }],
        conversations: [
          {
            id: c.id,
            rating: 5,
            ratingComment: 'lovely',
            messages: [{ body: 'My secret question' }, { body: 'Answer' }],
            ticket: null,
            transcriptRequests: [{ email: 'ada@example.com' }],
          },
        ],
      });
      expect(JSON.stringify(exported)).not.toContain('private');
      expect(await store.privacy.exportVisitor('vis_nobody')).toBeUndefined();
      expect(await store.privacy.deleteVisitor(c.visitorId)).toBe(true);
      expect(await store.privacy.deleteVisitor(c.visitorId)).toBe(false);
      expect(await store.visitors.findById(c.visitorId)).toBeUndefined();
      expect(await store.conversations.findById(c.id)).toBeUndefined();
      expect(await store.pageViews.listRecent(c.visitorId, 10)).toEqual([]);
    });

    it('knows no pending migration once opened', async () => {
      expect(await store.pendingMigrations()).toEqual([]);
    });
  });
}
