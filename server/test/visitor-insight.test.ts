/**
 * The visitor panel and the live visitors list over real sockets: an agent reads who the visitor is,
 * their pages, browser and earlier conversations; the panel follows the visitor's navigation and
 * the live list follows visitors coming, chatting and leaving. Agents without the chat are refused.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, LiveVisitors, SendResult, SessionResumeResult, VisitorDetails } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { call, callRaw, clientId, connectVisitor, connected, nextEvent, signInAgent } from './support/clients.ts';

const t = useTestServer();
const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

async function visitor() {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, userAgent: FIREFOX_ON_LINUX });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

describe('visitor panel', () => {
  it('shows the profile, pages, browser and earlier conversations, and follows navigation live', async () => {
    const { socket, session } = await visitor();
    await call(socket, 'page:view', {
      url: 'https://shop.example/',
      title: 'Home',
      referrer: 'https://search.example/?q=shoes',
    });
    await call(socket, 'visitor:identify', { name: 'Ada', email: 'ada@example.com', attributes: { plan: 'pro' } });
    const earlier = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'first question',
    });
    await call(socket, 'conversation:close', { conversationId: earlier.conversation.id });

    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const assigned = nextEvent<Conversation>(agent, 'conversation:assigned');
    const { conversation } = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'second question',
    });
    await assigned;

    const details = await call<VisitorDetails>(agent, 'visitor:details', { conversationId: conversation.id });
    expect(details).toMatchObject({
      visitorId: session.visitorId,
      name: 'Ada',
      email: 'ada@example.com',
      verified: false,
      attributes: { plan: 'pro' },
      online: true,
      software: { browser: 'Firefox 121', os: 'Linux' },
      referrer: 'https://search.example/?q=shoes',
      pages: [{ url: 'https://shop.example/', title: 'Home' }],
    });
    expect(details.previousConversations.map((c) => [c.id, c.status, c.firstMessage])).toEqual([
      [conversation.id, 'active', 'second question'],
      [earlier.conversation.id, 'closed', 'first question'],
    ]);

    const moved = nextEvent<VisitorDetails>(agent, 'visitor:updated', (d) => d.pages.length === 2);
    await call(socket, 'page:view', { url: 'https://shop.example/pricing', title: 'Pricing' });
    expect((await moved).pages.map((p) => p.title)).toEqual(['Pricing', 'Home']);
  });

  it('refuses the panel of a chat another agent holds', async () => {
    const { socket } = await visitor();
    const owner = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(owner, 'agent:sync', {});
    const assigned = nextEvent<Conversation>(owner, 'conversation:assigned');
    const { conversation } = await call<SendResult>(socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'hello',
    });
    await assigned;
    const other = await t.createAgent({ name: 'Other' });
    const intruder = await signInAgent(t.url, other.email, other.password);
    expect(await callRaw(intruder, 'visitor:details', { conversationId: conversation.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await callRaw(intruder, 'visitor:details', { conversationId: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });
});

describe('live visitors', () => {
  it('lists connected visitors with their page and chat state, and pushes every change', async () => {
    const other = await t.createAgent({ name: 'Watcher' });
    const agent = await signInAgent(t.url, other.email, other.password);
    expect(await call<LiveVisitors>(agent, 'visitors:live', {})).toEqual({ visitors: [] });

    const arrived = nextEvent<LiveVisitors>(agent, 'visitors:live', (l) => l.visitors.length === 1);
    const { socket, session } = await visitor();
    expect((await arrived).visitors[0]).toMatchObject({
      visitorId: session.visitorId,
      currentPage: null,
      chatting: false,
    });

    const browsing = nextEvent<LiveVisitors>(
      agent,
      'visitors:live',
      (l) => l.visitors[0]?.currentPage?.title === 'Pricing',
    );
    await call(socket, 'page:view', { url: 'https://shop.example/pricing', title: 'Pricing' });
    expect((await browsing).visitors[0]?.software).toEqual({ browser: 'Firefox 121', os: 'Linux' });

    const chatting = nextEvent<LiveVisitors>(agent, 'visitors:live', (l) => l.visitors[0]?.chatting === true);
    await call(socket, 'message:send', { clientMessageId: clientId(), body: 'hi' });
    await chatting;
    expect(await call<LiveVisitors>(agent, 'visitors:live', {})).toMatchObject({
      visitors: [
        { visitorId: session.visitorId, chatting: true, currentPage: { url: 'https://shop.example/pricing' } },
      ],
    });

    const left = nextEvent<LiveVisitors>(agent, 'visitors:live', (l) => l.visitors.length === 0);
    socket.disconnect();
    await left;
  });
});
