/**
 * Acting on conversations through /api/v1 (issue 21): a message sent through the API reaches the
 * visitor's widget live and the agent's console, a write repeated with the same Idempotency-Key is
 * done once and answers the same, the list pages with a cursor, and assign, transfer, close,
 * reopen and convert-to-ticket follow the console's rules; the bot speaks only while it holds a chat.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationSummary, Message, Ticket } from '@parley/shared';
import { DEFAULT_BOT_SETTINGS } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import { nextEvent } from './support/clients.ts';
import { agentOnline, setDemoRouting, visitorWrites } from './support/workflow.ts';
import { apiWith } from './support/api-v1.ts';
import { answerQuickReply, ask, botSite, visitorOnline } from './answer-bot/bot-fixtures.ts';

const t = useTestServer();

async function annHoldsAChat() {
  const ann = await agentOnline(t, 'Ann');
  const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
  const visitor = await visitorWrites(t, 'Where is my order?');
  await assigned;
  return { ann, visitor };
}

describe('sending through the API', () => {
  it('reaches the visitor widget live, as the agent holding the chat', async () => {
    const { ann, visitor } = await annHoldsAChat();
    const api = await apiWith(t, ['write']);
    const toVisitor = nextEvent<Message>(visitor.socket, 'message:new', (m) => m.body === 'It ships today.');
    const toConsole = nextEvent<Message>(ann.socket, 'message:new', (m) => m.body === 'It ships today.');
    const sent = await api('POST', `/api/v1/conversations/${visitor.conversation.id}/messages`, {
      body: 'It ships today.',
    });
    expect(sent.status).toBe(201);
    const { message } = sent.body as { message: Message };
    expect(message).toMatchObject({ author: { kind: 'agent', id: ann.id, name: 'Ann' }, seq: 2 });
    expect((await toVisitor).id).toBe(message.id);
    expect((await toConsole).id).toBe(message.id);

    const read = await api('GET', `/api/v1/conversations/${visitor.conversation.id}/messages?afterSeq=0&limit=1`);
    expect(read.body).toMatchObject({ messages: [{ seq: 1, body: 'Where is my order?' }], nextAfterSeq: 1 });
    const rest = await api('GET', `/api/v1/conversations/${visitor.conversation.id}/messages?afterSeq=1`);
    expect(rest.body).toMatchObject({ messages: [{ id: message.id }], nextAfterSeq: null });
  });

  it('follows the console rule: only the agent holding an active chat writes in it', async () => {
    const { visitor } = await annHoldsAChat();
    const bob = await t.createAgent({ name: 'Bob' });
    const api = await apiWith(t, ['write']);
    const refused = await api('POST', `/api/v1/conversations/${visitor.conversation.id}/messages`, {
      body: 'Hi',
      agentId: bob.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'forbidden', message: 'This conversation is not assigned to you' } });
  });
});

describe('Idempotency-Key', () => {
  it('does a repeated write once and answers it the same; another request with the key is refused', async () => {
    const { visitor } = await annHoldsAChat();
    const api = await apiWith(t, ['write']);
    const path = `/api/v1/conversations/${visitor.conversation.id}/messages`;
    const headers = { 'Idempotency-Key': 'order-42-shipped' };
    const first = await api('POST', path, { body: 'Shipped!' }, headers);
    const again = await api('POST', path, { body: 'Shipped!' }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const messages = await t.server.store.messages.listAfter(visitor.conversation.id, 0, 100);
    expect(messages.map((m) => m.body)).toEqual(['Where is my order?', 'Shipped!']);

    const different = await api('POST', path, { body: 'Something else' }, headers);
    expect(different.status).toBe(409);
    expect((different.body as { error: { code: string } }).error.code).toBe('conflict');

    // without a key each call is its own message
    await api('POST', path, { body: 'Twice' });
    await api('POST', path, { body: 'Twice' });
    expect((await t.server.store.messages.listAfter(visitor.conversation.id, 0, 100)).length).toBe(4);
  });

  it('frees the key when the first request failed, so a corrected retry runs', async () => {
    const { visitor } = await annHoldsAChat();
    const api = await apiWith(t, ['write']);
    const headers = { 'Idempotency-Key': 'close-once' };
    const path = `/api/v1/conversations/${visitor.conversation.id}/close`;
    expect((await api('POST', path, { agentId: 'agt_nobody' }, headers)).status).toBe(404);
    const closed = await api('POST', path, {}, headers);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ conversation: { status: 'closed' } });
    const replayed = await api('POST', path, {}, headers);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('conversations', () => {
  it('lists newest first with filters, a page at a time by cursor', async () => {
    await agentOnline(t, 'Ann', 10);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await visitorWrites(t, `Question ${i}`)).conversation.id);
    const api = await apiWith(t, ['read']);
    const seen: Conversation[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page = (await api('GET', `/api/v1/conversations?limit=2${query}`)).body as {
        conversations: Conversation[];
        nextCursor: string | null;
      };
      expect(page.conversations.length).toBeLessThanOrEqual(2);
      seen.push(...page.conversations);
      cursor = page.nextCursor;
    } while (cursor !== null);
    // every one once, newest first (two started in the same millisecond are ordered by id)
    expect(seen.map((c) => c.id).sort()).toEqual([...ids].sort());
    const times = seen.map((c) => c.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const closedOnly = (await api('GET', '/api/v1/conversations?status=closed')).body as {
      conversations: Conversation[];
    };
    expect(closedOnly.conversations).toEqual([]);
    const bad = await api('GET', '/api/v1/conversations?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe('invalid_payload');
  });

  it('transfers, closes, reopens and converts to a ticket as the console does', async () => {
    const { ann, visitor } = await annHoldsAChat();
    const bob = await agentOnline(t, 'Bob');
    const api = await apiWith(t, ['write']);
    const id = visitor.conversation.id;

    const toBob = nextEvent<ConversationSummary>(bob.socket, 'conversation:assigned');
    const moved = await api('POST', `/api/v1/conversations/${id}/transfer`, { toAgentId: bob.id, note: 'VIP' });
    expect(moved.body).toMatchObject({ conversation: { agent: { id: bob.id } } });
    await toBob;

    const visitorSeesClose = nextEvent<Conversation>(
      visitor.socket,
      'conversation:updated',
      (c) => c.status === 'closed',
    );
    const closed = await api('POST', `/api/v1/conversations/${id}/close`, {});
    expect(closed.body).toMatchObject({ conversation: { status: 'closed', closedBy: 'agent' } });
    await visitorSeesClose;

    const reopened = await api('POST', `/api/v1/conversations/${id}/reopen`, {});
    expect(reopened.body).toMatchObject({ conversation: { status: 'active', agent: { id: bob.id } } });
    // Ann no longer holds it: acting as her is refused like in her console
    const notHers = await api('POST', `/api/v1/conversations/${id}/close`, { agentId: ann.id });
    expect(notHers.status).toBe(403);

    const ticket = await api('POST', `/api/v1/conversations/${id}/ticket`, { email: 'pat@example.com' });
    expect(ticket.status).toBe(200);
    expect((ticket.body as { ticket: Ticket }).ticket).toMatchObject({ conversationId: id, email: 'pat@example.com' });
    const read = await apiWith(t, ['read']);
    expect((await read('GET', `/api/v1/tickets/${id}`)).body).toMatchObject({ ticket: { conversationId: id } });
    const list = (await read('GET', '/api/v1/tickets')).body as { tickets: Ticket[] };
    expect(list.tickets.map((x) => x.conversationId)).toEqual([id]);
    const solved = await api('POST', `/api/v1/tickets/${id}/status`, { status: 'solved' });
    expect(solved.body).toMatchObject({ ticket: { status: 'solved' } });
  });

  it('assigns a waiting conversation to an online agent (manual routing)', async () => {
    await setDemoRouting(t, 'manual');
    const ann = await agentOnline(t, 'Ann');
    const visitor = await visitorWrites(t, 'Anyone there?');
    const api = await apiWith(t, ['write']);
    const noAgent = await api('POST', `/api/v1/conversations/${visitor.conversation.id}/close`, {});
    expect(noAgent.status).toBe(400);
    const assignedToAnn = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    const assigned = await api('POST', `/api/v1/conversations/${visitor.conversation.id}/assign`, { agentId: ann.id });
    expect(assigned.body).toMatchObject({ conversation: { status: 'active', agent: { id: ann.id } } });
    await assignedToAnn;
    const again = await api('POST', `/api/v1/conversations/${visitor.conversation.id}/assign`, { agentId: ann.id });
    expect(again.status).toBe(409);
  });
});

describe('visitors and agents', () => {
  it('reads a visitor, updates attributes and identifies them as a verified user', async () => {
    const { visitor } = await annHoldsAChat();
    const api = await apiWith(t, ['read', 'write']);
    const visitorId = visitor.conversation.visitorId;
    const updated = await api('PATCH', `/api/v1/visitors/${visitorId}`, { attributes: { plan: 'pro', seats: 3 } });
    expect(updated.body).toMatchObject({
      visitor: { visitorId, attributes: { plan: 'pro', seats: 3 }, verified: false },
    });
    const identified = await api('POST', `/api/v1/visitors/${visitorId}/identify`, { userId: 'u-7', name: 'Pat' });
    expect(identified.body).toMatchObject({ visitor: { name: 'Pat', verified: true, externalUserId: 'u-7' } });
    const renamed = await api('PATCH', `/api/v1/visitors/${visitorId}`, { name: 'Pat Lee' });
    expect(renamed.body).toMatchObject({ visitor: { name: 'Pat Lee', verified: true, externalUserId: 'u-7' } });
    expect((await api('GET', '/api/v1/visitors/vis_unknown')).status).toBe(404);
  });

  it('lists agents with their status and sets one', async () => {
    const ann = await agentOnline(t, 'Ann');
    const api = await apiWith(t, ['read', 'write']);
    const listed = (await api('GET', '/api/v1/agents')).body as { agents: Array<{ id: string; status: string }> };
    expect(listed.agents.find((a) => a.id === ann.id)?.status).toBe('online');
    const away = nextEvent<{ status: string }>(ann.socket, 'agent:status');
    const set = await api('PUT', `/api/v1/agents/${ann.id}/status`, { status: 'away' });
    expect(set.body).toEqual({ agentId: ann.id, status: 'away' });
    expect((await away).status).toBe('away');
  });
});

describe('sending as the bot', () => {
  it("speaks as the site's bot while it holds the conversation, and is refused once it handed off", async () => {
    await botSite(t);
    const visitor = await visitorOnline(t);
    const { conversation, replies } = await ask(visitor, 'How do I get a refund for my order?');
    expect(conversation.status).toBe('bot');
    const api = await apiWith(t, ['write']);
    const path = `/api/v1/conversations/${conversation.id}/messages`;

    const live = nextEvent<Message>(visitor, 'message:new', (m) => m.body === 'Your refund is on its way.');
    const sent = await api('POST', path, { body: 'Your refund is on its way.', as: 'bot' });
    expect(sent.status).toBe(201);
    const { message } = sent.body as { message: Message };
    expect(message.author).toMatchObject({ kind: 'bot', name: DEFAULT_BOT_SETTINGS.name });
    expect((await live).id).toBe(message.id);

    const withAgent = await api('POST', path, { body: 'Hi', as: 'bot', agentId: 'agt_x' });
    expect(withAgent.status).toBe(400);
    expect((withAgent.body as { error: { code: string } }).error.code).toBe('invalid_payload');

    const offer = replies.find((m) => m.content?.type === 'quick_replies');
    if (!offer) throw new Error('the bot asked nothing');
    const handedOff = nextEvent<Conversation>(visitor, 'conversation:updated', (c) => c.status !== 'bot');
    await answerQuickReply(visitor, offer, 'no');
    await handedOff;
    const refused = await api('POST', path, { body: 'Still me', as: 'bot' });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: { code: 'conflict', message: 'The conversation is not with the bot' } });
  });
});
