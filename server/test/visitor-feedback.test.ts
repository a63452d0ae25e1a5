/**
 * Page views, ratings and transcript requests over real sockets: stored, bounded, and limited to
 * the visitor's own conversations.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectVisitor,
  connected,
  nextEvent,
  signInAgent,
  type VisitorSocket,
} from './support/clients.ts';
import { PAGE_VIEWS_KEPT } from '../src/domain/visitor-profiles.ts';

const t = useTestServer();

async function visitor(): Promise<{ socket: VisitorSocket; session: SessionResumeResult }> {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

describe('page views', () => {
  it('stores each view and keeps only the latest per visitor', async () => {
    const { socket, session } = await visitor();
    await call(socket, 'page:view', {
      url: 'https://shop.example/',
      title: 'Home',
      referrer: 'https://search.example/?q=shoes',
    });
    expect(await t.server.store.pageViews.listRecent(session.visitorId, 10)).toEqual([
      {
        url: 'https://shop.example/',
        title: 'Home',
        referrer: 'https://search.example/?q=shoes',
        at: expect.any(String),
      },
    ]);
    for (let i = 1; i <= PAGE_VIEWS_KEPT + 4; i++) {
      await call(socket, 'page:view', { url: `https://shop.example/p/${i}`, title: `Product ${i}` });
    }
    const kept = await t.server.store.pageViews.listRecent(session.visitorId, 1000);
    expect(kept).toHaveLength(PAGE_VIEWS_KEPT);
    expect(kept[0]?.title).toBe(`Product ${PAGE_VIEWS_KEPT + 4}`);
    expect(kept.at(-1)?.title).toBe('Product 5');
    const bad = await callRaw(socket, 'page:view', { url: 'javascript:alert(1)', title: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});

describe('ratings and transcripts', () => {
  it('lets the visitor rate once an agent has taken the chat, replacing an earlier rating', async () => {
    const { socket } = await visitor();
    const { conversation } = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'hi',
    });
    expect(conversation.status).toBe('queued');
    const early = await callRaw(socket, 'conversation:rate', { conversationId: conversation.id, rating: 5 });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const active = nextEvent<Conversation>(socket, 'conversation:updated', (c) => c.status === 'active');
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await active;
    const seen = nextEvent<Conversation>(agent, 'conversation:updated', (c) => c.rating === 2);
    expect(
      await call(socket, 'conversation:rate', { conversationId: conversation.id, rating: 2, comment: 'slow' }),
    ).toMatchObject({
      rating: 2,
      ratingComment: 'slow',
    });
    await seen;
    await call(agent, 'conversation:close', { conversationId: conversation.id });
    expect(await call(socket, 'conversation:rate', { conversationId: conversation.id, rating: 5 })).toMatchObject({
      status: 'closed',
      rating: 5,
      ratingComment: null,
    });
    for (const rating of [0, 6, 3.5]) {
      expect(await callRaw(socket, 'conversation:rate', { conversationId: conversation.id, rating })).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    // Another visitor cannot rate it: to them it does not exist.
    const other = await visitor();
    expect(
      await callRaw(other.socket, 'conversation:rate', { conversationId: conversation.id, rating: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a rating for a chat the visitor ended before any agent took it', async () => {
    const { socket } = await visitor();
    const { conversation } = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'hi',
    });
    expect(await call(socket, 'conversation:close', { conversationId: conversation.id })).toMatchObject({
      status: 'closed',
      agent: null,
    });
    const res = await callRaw(socket, 'conversation:rate', { conversationId: conversation.id, rating: 1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await t.server.store.conversations.findById(conversation.id))?.rating).toBeNull();
  });

  it('stores a transcript request for the visitor’s own conversation only', async () => {
    const { socket } = await visitor();
    const { conversation } = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'hi',
    });
    expect(
      await call(socket, 'transcript:request', { conversationId: conversation.id, email: 'Ada@Example.com' }),
    ).toEqual({});
    expect(await t.server.store.transcriptRequests.listPending(10)).toEqual([
      expect.objectContaining({ conversationId: conversation.id, email: 'ada@example.com', sentAt: null }),
    ]);
    const other = await visitor();
    const res = await callRaw(other.socket, 'transcript:request', {
      conversationId: conversation.id,
      email: 'eve@example.com',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.server.store.transcriptRequests.listPending(10)).toHaveLength(1);
  });
});
