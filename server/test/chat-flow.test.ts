/**
 * The walking skeleton end to end over real sockets: a visitor writes, is queued, an agent comes
 * online and gets the conversation, they talk (with typing and seen marks), and either side closes.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationSummary, Message, SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, nextEvent, signInAgent } from './support/clients.ts';
import { visitorMessage } from '../src/realtime/visitor-wire.ts';

const t = useTestServer();

async function visitor() {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

describe('a visitor and an agent chat', () => {
  it('queues the visitor, assigns the agent who comes online, and relays both ways', async () => {
    const v = await visitor();
    expect(v.session.conversation).toBeNull();
    expect(v.session.token).toMatch(/\./);

    const sent = await call<SendResult>(v.socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'Hello, is anyone there?',
    });
    expect(sent.message.seq).toBe(1);
    expect(sent.conversation.status).toBe('queued');

    const assignedToVisitor = nextEvent<Conversation>(v.socket, 'conversation:updated', (c) => c.status === 'active');
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const activeForVisitor = await assignedToVisitor;
    expect(activeForVisitor.agent?.name).toBe('Admin');

    const sync = await call<{ conversations: ConversationSummary[]; queue: ConversationSummary[] }>(
      agent,
      'agent:sync',
      {},
    );
    expect(sync.queue).toEqual([]);
    expect(sync.conversations).toHaveLength(1);
    const conversation = sync.conversations[0];
    expect(conversation?.lastMessage?.body).toBe('Hello, is anyone there?');
    const conversationId = conversation?.id ?? '';

    const typingSeen = nextEvent<{ author: string; typing: boolean }>(v.socket, 'typing:update');
    agent.emit('typing:start', { conversationId });
    expect(await typingSeen).toEqual({ conversationId, author: 'agent', typing: true });

    const replyAtVisitor = nextEvent<Message>(v.socket, 'message:new', (m) => m.author.kind === 'agent');
    const reply = await call<{ message: Message }>(agent, 'message:send', {
      conversationId,
      clientMessageId: clientId(),
      body: 'Hi! How can I help?',
    });
    expect(reply.message.seq).toBe(2);
    const received = await replyAtVisitor;
    expect(received).toEqual(visitorMessage(reply.message));
    expect(received.author.name).toBe('Admin');

    const visitorLineAtAgent = nextEvent<Message>(agent, 'message:new', (m) => m.author.kind === 'visitor');
    const visitorTypingAtAgent = nextEvent<{ author: string }>(agent, 'typing:update');
    v.socket.emit('typing:start', { conversationId });
    expect((await visitorTypingAtAgent).author).toBe('visitor');
    await call(v.socket, 'message:send', { clientMessageId: clientId(), body: 'My order is late' });
    expect((await visitorLineAtAgent).body).toBe('My order is late');

    const seenAtAgent = nextEvent<{ by: string; seq: number }>(agent, 'message:seen');
    await call(v.socket, 'message:seen', { conversationId, seq: 2 });
    expect(await seenAtAgent).toEqual({ conversationId, by: 'visitor', seq: 2 });

    const history = await call<{ messages: Message[] }>(agent, 'conversation:history', { conversationId, afterSeq: 0 });
    expect(history.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('lets the agent close; the visitor is told, and their next message starts a new conversation', async () => {
    const v = await visitor();
    const first = await call<SendResult>(v.socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'Question one',
    });
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});

    const closedAtVisitor = nextEvent<Conversation>(v.socket, 'conversation:updated', (c) => c.status === 'closed');
    const closed = await call<Conversation>(agent, 'conversation:close', { conversationId: first.conversation.id });
    expect(closed.closedBy).toBe('agent');
    expect((await closedAtVisitor).id).toBe(first.conversation.id);

    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    const second = await call<SendResult>(v.socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'Question two',
    });
    expect(second.conversation.id).not.toBe(first.conversation.id);
    expect(second.message.seq).toBe(1);
    expect((await assigned).id).toBe(second.conversation.id);
  });

  it('lets the visitor close a queued conversation, which leaves the queue', async () => {
    const agentFull = await t.createAgent({ name: 'Busy', capacity: 0 });
    const agent = await signInAgent(t.url, agentFull.email, agentFull.password);
    await call(agent, 'agent:sync', {});
    const v = await visitor();
    const queued = nextEvent<{ queue: ConversationSummary[] }>(agent, 'queue:updated', (q) => q.queue.length === 1);
    const sent = await call<SendResult>(v.socket, 'message:send', { clientMessageId: clientId(), body: 'Anyone?' });
    expect((await queued).queue[0]?.lastMessage?.body).toBe('Anyone?');

    const emptied = nextEvent<{ queue: ConversationSummary[] }>(agent, 'queue:updated', (q) => q.queue.length === 0);
    const closed = await call<Conversation>(v.socket, 'conversation:close', { conversationId: sent.conversation.id });
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'visitor', agent: null });
    await emptied;
  });
});
