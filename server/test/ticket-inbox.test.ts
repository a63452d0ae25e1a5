/**
 * The tickets inbox over real sockets: agents list tickets by status and email, open one with its
 * whole thread (messages and private notes), take it, note on it and answer it, and every agent's
 * inbox hears each change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, Ticket, TicketDetail, TicketListResult, TicketMessage } from '@parley/shared';
import { ADMIN } from './support/test-server.ts';
import { call, callRaw, clientId, disconnectAll, nextEvent, signInAgent } from './support/clients.ts';
import { leaveOffline, sentTo, startEmailWorld, type EmailWorld } from './support/email.ts';

let world: EmailWorld;
beforeEach(async () => {
  world = await startEmailWorld();
});
afterEach(async () => {
  disconnectAll();
  await world.close();
});

describe('ticket inbox', () => {
  it('lists tickets by status and email, newest activity first', async () => {
    const { t } = world;
    // the email world's clock stands still unless moved: each step gets its own time
    const ada = (await leaveOffline(t, { body: 'First question', email: 'ada@example.com' })).result.conversation.id;
    world.advance(1_000);
    const bob = (await leaveOffline(t, { body: 'Second question', email: 'bob@example.org' })).result.conversation.id;
    world.advance(1_000);
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    // Answering Ada's makes it the newest activity and moves it to pending.
    await call<TicketMessage>(agent, 'ticket:reply', {
      conversationId: ada,
      clientMessageId: clientId(),
      body: 'On its way',
    });

    const list = (filter: object) => call<TicketListResult>(agent, 'ticket:list', filter);
    expect((await list({})).tickets.map((tk) => tk.conversationId)).toEqual([ada, bob]);
    expect(await list({ status: 'open' })).toMatchObject({
      tickets: [{ conversationId: bob, email: 'bob@example.org', assignee: null }],
      hasMore: false,
    });
    expect(await list({ status: 'pending' })).toMatchObject({
      tickets: [{ conversationId: ada, assignee: { name: 'Admin' } }],
    });
    expect((await list({ email: 'BOB' })).tickets.map((tk) => tk.conversationId)).toEqual([bob]);
    expect((await list({ status: 'solved' })).tickets).toEqual([]);
    expect((await list({})).tickets[0]).not.toHaveProperty('replyToken');

    expect(await callRaw(agent, 'ticket:list', { status: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await callRaw(agent, 'ticket:list', { page: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });

  it('shows one ticket with its messages and notes; any agent takes it, notes on it, and everyone hears', async () => {
    const { t, sink } = world;
    const { result } = await leaveOffline(t, { body: 'Can I change my address?' });
    const conversationId = result.conversation.id;
    const admin = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const other = await t.createAgent({ name: 'Ann' });
    const ann = await signInAgent(t.url, other.email, other.password);

    const adminHears = nextEvent<Ticket>(admin, 'ticket:updated', (tk) => tk.assignee?.name === 'Ann');
    const taken = await call<Ticket>(ann, 'ticket:assign', { conversationId });
    expect(taken).toMatchObject({ conversationId, assignee: { id: other.id, name: 'Ann' }, status: 'open' });
    expect((await adminHears).conversationId).toBe(conversationId);

    const noteHeard = nextEvent<Ticket>(admin, 'ticket:updated');
    const note = await call<Note>(ann, 'ticket:note', {
      conversationId,
      clientNoteId: clientId(),
      body: 'Check the courier first',
    });
    expect(note).toMatchObject({
      conversationId,
      afterSeq: 1,
      author: { name: 'Ann' },
      body: 'Check the courier first',
    });
    await noteHeard;
    await call<TicketMessage>(ann, 'ticket:reply', {
      conversationId,
      clientMessageId: clientId(),
      body: 'Yes, send it to us.',
    });

    const detail = await call<TicketDetail>(admin, 'ticket:get', { conversationId });
    expect(detail.ticket).toMatchObject({ conversationId, status: 'pending', assignee: { name: 'Ann' } });
    expect(detail.messages.map((m) => [m.author.kind, m.body])).toEqual([
      ['visitor', 'Can I change my address?'],
      ['agent', 'Yes, send it to us.'],
    ]);
    expect(detail.notes.map((n) => n.body)).toEqual(['Check the courier first']);

    // The note stays among agents: the visitor's mail has the reply and nothing else.
    await t.server.mailTick();
    const mails = [await sink.next(sentTo('ada@example.com')), await sink.next(sentTo('ada@example.com'))];
    expect(mails.map((m) => m.text).join('\n')).not.toContain('courier');

    expect(await callRaw(admin, 'ticket:get', { conversationId: 'conv_missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await callRaw(admin, 'ticket:note', { conversationId, clientNoteId: clientId(), body: '   ' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });
});
