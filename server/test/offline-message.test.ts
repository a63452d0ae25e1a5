/**
 * offline:message over real sockets: it starts an `offline` conversation that is never routed,
 * is stored once per client id, is continued by what the visitor writes while its ticket is
 * unsolved, and does not stop the visitor from starting a live chat after that.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, SendResult, SessionResumeResult } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, nextEvent, signInAgent } from './support/clients.ts';

const t = useTestServer();

describe('offline messages', () => {
  it('are stored once, never routed, continued while unsolved, and leave room for a live chat', async () => {
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    const session = await call<SessionResumeResult>(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(session.agentsOnline).toBe(false);

    const id = clientId();
    const payload = { clientMessageId: id, name: 'Ada', email: 'ada@example.com', body: 'Call me back please' };
    const left = await call<SendResult>(v, 'offline:message', payload);
    expect(left.conversation).toMatchObject({
      status: 'offline',
      agent: null,
      visitorName: 'Ada',
      visitorEmail: 'ada@example.com',
    });
    expect(left.message).toMatchObject({ seq: 1, body: 'Call me back please', author: { kind: 'visitor' } });
    const retried = await call<SendResult>(v, 'offline:message', payload);
    expect(retried.message.id).toBe(left.message.id);
    expect(retried.conversation.id).toBe(left.conversation.id);

    // An agent coming online is not handed the offline conversation, and it is not in the queue.
    const ann = await t.createAgent({ name: 'Ann', capacity: 1 });
    const agent = await signInAgent(t.url, ann.email, ann.password);
    const sync = await call<{ conversations: Conversation[]; queue: Conversation[] }>(agent, 'agent:sync', {});
    expect(sync.conversations).toEqual([]);
    expect(sync.queue).toEqual([]);
    expect((await t.server.store.conversations.findById(left.conversation.id))?.status).toBe('offline');

    // While its ticket is unsolved, what the visitor writes continues it: still not routed.
    const continued = await call<SendResult>(v, 'message:send', { clientMessageId: clientId(), body: 'Any news?' });
    expect(continued.conversation).toMatchObject({ id: left.conversation.id, status: 'offline' });
    expect((await call<{ queue: Conversation[] }>(agent, 'agent:sync', {})).queue).toEqual([]);

    // Once solved, the visitor starts a live chat, which is routed to the agent (offline ones hold no capacity).
    await call(agent, 'ticket:status', { conversationId: left.conversation.id, status: 'solved' });
    const assigned = nextEvent<Conversation>(agent, 'conversation:assigned');
    const live = await call<SendResult>(v, 'message:send', {
      clientMessageId: clientId(),
      body: 'Oh, you are here now!',
    });
    expect(live.conversation.id).not.toBe(left.conversation.id);
    expect(live.message.seq).toBe(1);
    expect((await assigned).id).toBe(live.conversation.id);
    const resumed = await call<SessionResumeResult>(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.conversation?.id).toBe(live.conversation.id);
  });
});
