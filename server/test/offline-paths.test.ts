/**
 * When nobody can chat live the visitor is still answered, over real sockets and real SMTP: outside
 * business hours the server starts no live chat, a queued visitor past the site's own maximum wait
 * (or who asks) is answered by email with everything said so far, and a returning visitor continues
 * their unsolved ticket from the widget while agents see it live.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Conversation,
  Message,
  SendResult,
  SessionResumeResult,
  Ticket,
  TicketMessage,
  VisitorIdentifyResult,
} from '@parley/shared';
import { ADMIN } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectVisitor,
  connected,
  disconnectAll,
  nextEvent,
  signInAgent,
} from './support/clients.ts';
import { leaveOffline, sentTo, startEmailWorld, type EmailWorld } from './support/email.ts';
import { userHashFor } from '../src/domain/identity-hash.ts';

let world: EmailWorld;
beforeEach(async () => {
  // 2026-03-01 10:00Z is a Sunday
  world = await startEmailWorld();
});
afterEach(async () => {
  disconnectAll();
  await world.close();
});

async function visitorOnline(token?: string) {
  const { t } = world;
  const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, ...(token ? { token } : {}) });
  await connected(visitor);
  const resumed = await call<SessionResumeResult>(visitor, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { visitor, resumed };
}

async function demoSiteId(): Promise<string> {
  const site = await world.t.server.store.sites.findDemo();
  if (!site) throw new Error('no demo site');
  return site.id;
}

describe('outside business hours', () => {
  it('starts no live chat, says so on resume, and still takes an offline message', async () => {
    const { t } = world;
    const siteId = await demoSiteId();
    await t.server.store.sites.updateSettings(siteId, {
      businessHours: {
        enabled: true,
        timeZone: 'Europe/Berlin',
        days: [{ day: 'mon', open: '09:00', close: '17:00' }],
      },
    });
    const { visitor, resumed } = await visitorOnline();
    expect(resumed.withinBusinessHours).toBe(false);

    const refused = await callRaw(visitor, 'message:send', { clientMessageId: clientId(), body: 'Hello?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await t.server.store.conversations.listQueued()).toEqual([]);

    const left = await call<SendResult>(visitor, 'offline:message', {
      clientMessageId: clientId(),
      email: 'ada@example.com',
      body: 'Call me back',
    });
    expect(left.conversation.status).toBe('offline');
    expect(await t.server.store.tickets.findByConversation(left.conversation.id)).toMatchObject({
      source: 'offline',
      status: 'open',
    });

    // Monday 10:00 in Berlin: open, and the same visitor may chat live
    world.advance(Date.parse('2026-03-02T09:00:00Z') - Date.parse('2026-03-01T10:00:00Z'));
    const { visitor: later, resumed: again } = await visitorOnline(resumed.token);
    expect(again.withinBusinessHours).toBe(true);
    // their ticket is still open: what they write continues it
    const continued = await call<SendResult>(later, 'message:send', { clientMessageId: clientId(), body: 'Any news?' });
    expect(continued.conversation.id).toBe(left.conversation.id);
  });
});

describe('maximum wait', () => {
  it('applies the site’s own limit, tells a visitor without an email, and answers by email once they give one', async () => {
    const { t, sink } = world;
    const siteId = await demoSiteId();
    await t.server.store.sites.updateSettings(siteId, { queueMaxWaitSeconds: 60 });
    const { visitor } = await visitorOnline();
    const { conversation } = await call<SendResult>(visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'Is the blue one in stock?',
    });
    expect(conversation.status).toBe('queued');

    world.advance(59_000);
    await t.server.mailTick();
    const overdue = nextEvent<{ conversationId: string }>(visitor, 'queue:overdue');
    world.advance(2_000);
    expect(await t.server.mailTick()).toMatchObject({ ticketsOpened: 0 });
    expect(await overdue).toEqual({ conversationId: conversation.id });

    const missing = await callRaw(visitor, 'ticket:request', { conversationId: conversation.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_payload', issues: [{ path: 'email' }] } });
    const moved = await call<Conversation>(visitor, 'ticket:request', {
      conversationId: conversation.id,
      email: 'lin@example.com',
    });
    expect(moved).toMatchObject({ id: conversation.id, status: 'offline', visitorEmail: 'lin@example.com' });
    expect(await t.server.store.tickets.findByConversation(conversation.id)).toMatchObject({
      source: 'visitor',
      email: 'lin@example.com',
    });
    expect(await call<Conversation>(visitor, 'ticket:request', { conversationId: conversation.id })).toMatchObject({
      status: 'offline',
    });
    await t.server.mailTick();
    // a confirmation to a visitor-typed address carries none of their words (docs/email.md)
    expect((await sink.next(sentTo('lin@example.com'))).text).toContain('We have received your message to Demo');
  });

  it('never answers by email when the site turned the limit off, whatever the server default', async () => {
    const { t } = world;
    await t.server.store.sites.updateSettings(await demoSiteId(), { queueMaxWaitSeconds: 0 });
    const { visitor } = await visitorOnline();
    await call(visitor, 'visitor:identify', { email: 'grace@example.com' });
    const { conversation } = await call<SendResult>(visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'Hi',
    });
    world.advance(3_600_000);
    expect(await t.server.mailTick()).toMatchObject({ ticketsOpened: 0 });
    expect((await t.server.store.conversations.findById(conversation.id))?.status).toBe('queued');
  });

  it('lets a queued visitor ask to be answered by email before the limit, but not someone else’s chat', async () => {
    const { t } = world;
    const { visitor } = await visitorOnline();
    await call(visitor, 'visitor:identify', { email: 'grace@example.com' });
    const { conversation } = await call<SendResult>(visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'Hi',
    });
    const { visitor: stranger } = await visitorOnline();
    expect(await callRaw(stranger, 'ticket:request', { conversationId: conversation.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const moved = await call<Conversation>(visitor, 'ticket:request', { conversationId: conversation.id });
    expect(moved.status).toBe('offline');
    expect(await t.server.store.conversations.listQueued()).toEqual([]);
  });
});

describe('a returning visitor with a ticket', () => {
  it('sees the ticket thread on resume and continues it; agents see the message live; after solving, a new chat starts', async () => {
    const { t } = world;
    const { visitor, result } = await leaveOffline(t, { body: 'My parcel never came.' });
    const { token } = await call<SessionResumeResult>(visitor, 'session:resume', { conversationId: null, lastSeq: 0 });
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'ticket:reply', {
      conversationId: result.conversation.id,
      clientMessageId: clientId(),
      body: 'Sorry! Which order?',
    });
    visitor.disconnect();

    const { visitor: back, resumed } = await visitorOnline(token);
    expect(resumed.conversation).toMatchObject({ id: result.conversation.id, status: 'offline' });
    expect(resumed.messages.map((m) => m.body)).toEqual(['My parcel never came.', 'Sorry! Which order?']);

    const live = nextEvent<TicketMessage>(agent, 'ticket:message');
    const reopened = nextEvent<Ticket>(agent, 'ticket:updated', (tk) => tk.status === 'open');
    const sent = await call<SendResult>(back, 'message:send', { clientMessageId: clientId(), body: 'Order #77' });
    expect(sent.conversation.id).toBe(result.conversation.id);
    expect((await live).message.body).toBe('Order #77');
    expect((await reopened).conversationId).toBe(result.conversation.id);
    expect(await t.server.store.conversations.listQueued()).toEqual([]);

    await call(agent, 'ticket:status', { conversationId: result.conversation.id, status: 'solved' });
    const fresh = await call<SendResult>(back, 'message:send', { clientMessageId: clientId(), body: 'Something else' });
    expect(fresh.conversation.id).not.toBe(result.conversation.id);
    expect(fresh.conversation.status).not.toBe('offline');
  });
});

describe('a returning visitor recognised by verified identity', () => {
  async function identitySecret(): Promise<string> {
    const site = await world.t.server.store.sites.findDemo();
    if (!site) throw new Error('no demo site');
    return site.identitySecret;
  }

  it('continues the ticket from another browser once identify proves who they are', async () => {
    const { t } = world;
    const secret = await identitySecret();
    const ada = { userId: 'u_7', name: 'Ada', userHash: userHashFor(secret, 'u_7') };

    // the laptop: a verified user leaves a message while nobody is online, an agent answers by email
    const laptop = await visitorOnline();
    expect(await call<VisitorIdentifyResult>(laptop.visitor, 'visitor:identify', ada)).toEqual({ verified: true });
    const left = await call<SendResult>(laptop.visitor, 'offline:message', {
      clientMessageId: clientId(),
      email: 'ada@example.com',
      body: 'My parcel never came.',
    });
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'ticket:reply', {
      conversationId: left.conversation.id,
      clientMessageId: clientId(),
      body: 'Sorry! Which order?',
    });
    laptop.visitor.disconnect();

    // someone claiming the id without proof learns nothing and becomes nobody
    const stranger = await visitorOnline();
    expect(await call(stranger.visitor, 'visitor:identify', { userId: 'u_7', name: 'Eve' })).toEqual({
      verified: false,
    });
    const forged = await callRaw(stranger.visitor, 'visitor:identify', {
      userId: 'u_7',
      userHash: userHashFor(secret, 'u_8'),
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // the phone: a new browser, anonymous at first; the proven identify answers with the laptop's visitor
    const phone = await visitorOnline();
    expect(phone.resumed.conversation).toBeNull();
    const answer = await call<VisitorIdentifyResult>(phone.visitor, 'visitor:identify', { ...ada, name: 'Ada L.' });
    expect(answer.verified).toBe(true);
    expect(answer.token).toBeDefined();
    expect(answer.token).not.toBe(phone.resumed.token);
    phone.visitor.disconnect();

    const { visitor: back, resumed } = await visitorOnline(answer.token);
    expect(resumed.visitorId).toBe(left.conversation.visitorId);
    expect(resumed.conversation).toMatchObject({ id: left.conversation.id, status: 'offline' });
    expect(resumed.messages.map((m) => m.body)).toEqual(['My parcel never came.', 'Sorry! Which order?']);
    // the profile went to the user's visitor; the phone's own visitor keeps nothing of the identity
    expect(await t.server.store.visitors.findById(left.conversation.visitorId)).toMatchObject({
      name: 'Ada L.',
      externalUserId: 'u_7',
      verified: true,
    });
    const phoneVisitor = await t.server.store.visitors.findById(phone.resumed.visitorId);
    expect(phoneVisitor?.externalUserId ?? null).toBeNull();
    // identifying again as the visitor they now are changes nothing
    expect(await call<VisitorIdentifyResult>(back, 'visitor:identify', ada)).toEqual({ verified: true });

    // what they write continues the ticket and reaches the agent live; the agent's reply reaches the phone
    const live = nextEvent<TicketMessage>(agent, 'ticket:message');
    const sent = await call<SendResult>(back, 'message:send', { clientMessageId: clientId(), body: 'Order #77' });
    expect(sent.conversation.id).toBe(left.conversation.id);
    expect((await live).message.body).toBe('Order #77');
    const reply = nextEvent<Message>(back, 'message:new', (m) => m.author.kind === 'agent');
    await call(agent, 'ticket:reply', {
      conversationId: left.conversation.id,
      clientMessageId: clientId(),
      body: 'On its way again.',
    });
    expect((await reply).body).toBe('On its way again.');
    expect(await t.server.store.conversations.listQueued()).toEqual([]);
  });

  it('never moves a browser away from a chat of its own, and prefers the browser with something going on', async () => {
    const { t } = world;
    const secret = await identitySecret();
    const bob = { userId: 'u_9', userHash: userHashFor(secret, 'u_9') };
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});

    // the desktop: a verified user with a live chat going
    const desktop = await visitorOnline();
    await call(desktop.visitor, 'visitor:identify', bob);
    const chat = await call<SendResult>(desktop.visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'Hi there',
    });
    expect(chat.conversation.status).not.toBe('offline');

    // the tablet already chats as an anonymous visitor: identify proves who they are but keeps the tablet's chat
    const tablet = await visitorOnline();
    const own = await call<SendResult>(tablet.visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'Question from the tablet',
    });
    expect(await call<VisitorIdentifyResult>(tablet.visitor, 'visitor:identify', bob)).toEqual({ verified: true });
    const again = await call<SessionResumeResult>(tablet.visitor, 'session:resume', {
      conversationId: null,
      lastSeq: 0,
    });
    expect(again.conversation?.id).toBe(own.conversation.id);

    // a third browser joins the one with something going on: the desktop's chat, not the tablet (its chat ended,
    // and it was seen last)
    await call(tablet.visitor, 'conversation:close', { conversationId: own.conversation.id });
    const laptop = await visitorOnline();
    const answer = await call<VisitorIdentifyResult>(laptop.visitor, 'visitor:identify', bob);
    expect(answer.token).toBeDefined();
    const { resumed } = await visitorOnline(answer.token);
    expect(resumed.visitorId).toBe(desktop.resumed.visitorId);
    expect(resumed.conversation?.id).toBe(chat.conversation.id);
  });
});

describe('what the console sees', () => {
  it('lists the agent’s recently closed conversations on sync, and the visitor’s time zone in the panel', async () => {
    const { t } = world;
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, timeZone: 'asia/tokyo' });
    await connected(visitor);
    const assigned = nextEvent<Conversation>(agent, 'conversation:assigned');
    const { conversation } = await call<SendResult>(visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'Konnichiwa',
    });
    await assigned;
    const details = await call<{ timeZone: string | null }>(agent, 'visitor:details', {
      conversationId: conversation.id,
    });
    expect(details.timeZone).toBe('Asia/Tokyo');

    await call(agent, 'conversation:close', { conversationId: conversation.id });
    const sync = await call<{
      conversations: unknown[];
      closed: Array<{ id: string; status: string; lastMessage: { body: string } | null }>;
    }>(agent, 'agent:sync', {});
    expect(sync.conversations).toEqual([]);
    expect(sync.closed).toMatchObject([{ id: conversation.id, status: 'closed', lastMessage: { body: 'Konnichiwa' } }]);
    world.advance(8 * 86_400_000);
    expect((await call<{ closed: unknown[] }>(agent, 'agent:sync', {})).closed).toEqual([]);
  });
});
