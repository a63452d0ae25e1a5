/**
 * Email tickets end to end over real sockets and a real SMTP server: an offline message becomes a
 * ticket, the visitor and the agents get mail, an agent's reply goes out threaded, the visitor's
 * emailed reply (with quoted history) comes back into the ticket and reopens it, a queued visitor
 * who waited too long gets a ticket, and an agent can turn a live chat into one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, Message, SendResult, Ticket, TicketMessage } from '@parley/shared';
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
import {
  INBOUND_DOMAIN,
  addresses,
  composeMail,
  leaveOffline,
  postInbound,
  referencesOf,
  sentTo,
  startEmailWorld,
  type EmailWorld,
} from './support/email.ts';

let world: EmailWorld;
beforeEach(async () => {
  world = await startEmailWorld();
});
afterEach(async () => {
  disconnectAll();
  await world.close();
});

describe('email tickets', () => {
  it('turn an offline message into a ticket and mail the visitor a confirmation and the agents a notice', async () => {
    const { t, sink } = world;
    const { result } = await leaveOffline(t, { body: 'Where is my order <b>#42</b>?' });
    expect(result.conversation.status).toBe('offline');
    const ticket = await t.server.store.tickets.findByConversation(result.conversation.id);
    expect(ticket).toMatchObject({ status: 'open', source: 'offline', email: 'ada@example.com', assignee: null });

    expect(await t.server.mailTick()).toMatchObject({ sent: 2, retrying: 0, failed: 0 });
    const confirmation = await sink.next(sentTo('ada@example.com'));
    expect(confirmation.messageId).toBe(ticket?.rootMessageId);
    expect(confirmation.inReplyTo).toBeUndefined();
    expect(addresses(confirmation.from)).toEqual(['support@parley.test']);
    const [replyTo] = addresses(confirmation.replyTo);
    expect(replyTo).toMatch(new RegExp(`^reply\\+[0-9a-f]{40}@${INBOUND_DOMAIN.replace(/\./g, '\\.')}$`));
    expect(replyTo).toBe(`reply+${ticket?.replyToken}@${INBOUND_DOMAIN}`);
    expect(confirmation.subject).toBe('Your conversation with Demo');
    expect(confirmation.headers.get('auto-submitted')).toBe('auto-generated');
    // the address was typed by the visitor: the confirmation carries none of their words (docs/email.md)
    expect(confirmation.text).toContain('We have received your message to Demo');
    expect(confirmation.text).not.toContain('Where is my order');

    const notice = await sink.next(sentTo(ADMIN.email));
    expect(notice.subject).toBe('New ticket from ada@example.com – Demo');
    expect(notice.text).toContain('Where is my order <b>#42</b>?');
    // HTML built from escaped text only: what the visitor typed is shown, never interpreted.
    expect(notice.html).toContain('&#60;b&#62;#42&#60;/b&#62;');
    expect(notice.html).not.toContain('<b>#42');
    expect(notice.replyTo).toBeUndefined();
    expect(await t.server.mailTick()).toMatchObject({ sent: 0 });
  });

  it('mail each agent reply threaded under the last mail, and show it in the widget too', async () => {
    const { t, sink } = world;
    const { visitor, result } = await leaveOffline(t, { body: 'Do you ship to Norway?' });
    await t.server.mailTick();
    const confirmation = await sink.next(sentTo('ada@example.com'));

    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const inWidget = nextEvent<Message>(visitor, 'message:new', (m) => m.author.kind === 'agent');
    const updated = nextEvent<Ticket>(agent, 'ticket:updated', (tk) => tk.status === 'pending');
    const replied = await call<TicketMessage>(agent, 'ticket:reply', {
      conversationId: result.conversation.id,
      clientMessageId: clientId(),
      body: 'Yes, in 3–5 days.',
    });
    expect(replied.ticket).toMatchObject({ status: 'pending', assignee: { name: 'Admin' } });
    expect(replied.ticket).not.toHaveProperty('replyToken');
    expect((await inWidget).body).toBe('Yes, in 3–5 days.');
    expect((await updated).conversationId).toBe(result.conversation.id);

    await t.server.mailTick();
    const reply = await sink.next(
      (m) => sentTo('ada@example.com')(m) && m.subject === 'Re: Your conversation with Demo',
    );
    expect(reply.text).toContain('Yes, in 3–5 days.');
    expect(reply.inReplyTo).toBe(confirmation.messageId);
    expect(referencesOf(reply)).toEqual([confirmation.messageId]);
    expect(addresses(reply.replyTo)).toEqual(addresses(confirmation.replyTo));
    expect(reply.messageId).not.toBe(confirmation.messageId);
    expect(reply.headers.get('auto-submitted')).toBeUndefined();
  });

  it('take the visitor’s emailed reply without the quoted history, tell the agent live, and reopen a solved ticket', async () => {
    const { t, sink } = world;
    const { result } = await leaveOffline(t, { body: 'My invoice is wrong.' });
    const conversationId = result.conversation.id;
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'ticket:reply', { conversationId, clientMessageId: clientId(), body: 'Which line is wrong?' });
    await t.server.mailTick();
    // Both were queued at the same instant of the test's clock: either may be sent first.
    const confirmation = await sink.next(
      (m) => sentTo('ada@example.com')(m) && m.subject === 'Your conversation with Demo',
    );
    const reply = await sink.next((m) => sentTo('ada@example.com')(m) && m.subject?.startsWith('Re:') === true);
    expect(await call<Ticket>(agent, 'ticket:status', { conversationId, status: 'solved' })).toMatchObject({
      status: 'solved',
    });

    const raw = await composeMail({
      from: 'Ada Lovelace <ada@example.com>',
      to: addresses(reply.replyTo)[0] ?? '',
      messageId: '<ada-reply-1@example.com>',
      inReplyTo: reply.messageId ?? '',
      references: referencesOf(reply).concat(reply.messageId ?? ''),
      text: [
        'Line 3: I was charged twice.',
        'Please refund one.',
        '',
        'On Sun, 1 Mar 2026 at 10:00, Parley Support <support@parley.test> wrote:',
        '> ##- Please type your reply above this line -##',
        '> Which line is wrong?',
        '',
        '-- ',
        'Ada Lovelace, Analytical Engines Ltd',
      ].join('\n'),
    });
    const live = nextEvent<TicketMessage>(agent, 'ticket:message');
    const posted = await postInbound(t.url, raw);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ conversationId, duplicate: false });
    const { ticket, message } = await live;
    expect(message).toMatchObject({
      body: 'Line 3: I was charged twice.\nPlease refund one.',
      author: { kind: 'visitor' },
    });
    expect(ticket).toMatchObject({ status: 'open', solvedAt: null });

    // A webhook delivered twice stores the reply once.
    const again = await postInbound(t.url, raw);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, messageId: message.id } });
    const stored = await t.server.store.messages.listAfter(conversationId, 0, 100);
    expect(stored.map((m) => m.body)).toEqual([
      'My invoice is wrong.',
      'Which line is wrong?',
      'Line 3: I was charged twice.\nPlease refund one.',
    ]);

    // The next agent reply answers the visitor's mail.
    await call(agent, 'ticket:reply', { conversationId, clientMessageId: clientId(), body: 'Refunded.' });
    await t.server.mailTick();
    const answer = await sink.next((m) => m.text?.includes('Refunded.') === true);
    expect(answer.inReplyTo).toBe('<ada-reply-1@example.com>');
    expect(referencesOf(answer)).toEqual([confirmation.messageId, '<ada-reply-1@example.com>']);
  });

  it('turn a queued visitor who gave an email and waited past the maximum into a ticket', async () => {
    const { t, sink } = world;
    const withEmail = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    const anonymous = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await Promise.all([connected(withEmail), connected(anonymous)]);
    await call(withEmail, 'visitor:identify', { name: 'Grace', email: 'grace@example.com' });
    const waiting = await call<SendResult>(withEmail, 'message:send', {
      clientMessageId: clientId(),
      body: 'Anyone there?',
    });
    const anon = await call<SendResult>(anonymous, 'message:send', { clientMessageId: clientId(), body: 'Hello?' });
    expect(waiting.conversation.status).toBe('queued');

    world.advance(299_000);
    expect(await t.server.mailTick()).toMatchObject({ ticketsOpened: 0, sent: 0 });
    const moved = nextEvent<Conversation>(withEmail, 'conversation:updated', (c) => c.status === 'offline');
    world.advance(2_000);
    expect(await t.server.mailTick()).toMatchObject({ ticketsOpened: 1, sent: 2 });
    expect((await moved).id).toBe(waiting.conversation.id);
    expect(await t.server.store.tickets.findByConversation(waiting.conversation.id)).toMatchObject({
      source: 'queue_timeout',
      email: 'grace@example.com',
    });
    // Without an email there is nobody to write to: that visitor keeps waiting.
    expect((await t.server.store.conversations.findById(anon.conversation.id))?.status).toBe('queued');
    expect((await t.server.store.conversations.listQueued()).map((c) => c.id)).toEqual([anon.conversation.id]);
    const confirmation = await sink.next(sentTo('grace@example.com'));
    expect(confirmation.text).toContain('We have received your message to Demo');
    expect(confirmation.text).not.toContain('Anyone there?');
  });

  it('let an agent turn their live chat into a ticket, freeing the seat', async () => {
    const { t, sink } = world;
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(visitor);
    const assigned = nextEvent<Conversation>(agent, 'conversation:assigned');
    const { conversation } = await call<SendResult>(visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'Complicated question…',
    });
    await assigned;

    const missing = await callRaw(agent, 'ticket:convert', { conversationId: conversation.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_payload', issues: [{ path: 'email' }] } });
    const invalid = await callRaw(agent, 'ticket:convert', {
      conversationId: conversation.id,
      email: 'not an address',
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    const ticket = await call<Ticket>(agent, 'ticket:convert', {
      conversationId: conversation.id,
      email: 'bob@example.com',
    });
    expect(ticket).toMatchObject({
      source: 'agent',
      status: 'open',
      email: 'bob@example.com',
      assignee: { name: 'Admin' },
    });
    expect(await call<Ticket>(agent, 'ticket:convert', { conversationId: conversation.id })).toEqual(ticket);
    expect((await t.server.store.conversations.findById(conversation.id))?.status).toBe('offline');
    const sync = await call<{ conversations: Conversation[] }>(agent, 'agent:sync', {});
    expect(sync.conversations).toEqual([]);
    await t.server.mailTick();
    expect((await sink.next(sentTo('bob@example.com'))).text).toContain('Complicated question…');
  });
});
