/**
 * No message lost or shown twice: reconnecting clients catch up from their last seq, and a retried
 * send (same client message id) is stored once and acked with the same seq.
 */
import { describe, expect, it } from 'vitest';
import type { Message, SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, nextEvent, signInAgent } from './support/clients.ts';

const t = useTestServer();

describe('resume and retry', () => {
  it('replays to a reconnecting visitor exactly what they missed', async () => {
    const v1 = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v1);
    const first = await call<SessionResumeResult>(v1, 'session:resume', { conversationId: null, lastSeq: 0 });
    const sent = await call<SendResult>(v1, 'message:send', { clientMessageId: clientId(), body: 'one' });
    const conversationId = sent.conversation.id;
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    v1.disconnect();

    // While the visitor is away, the agent writes twice.
    for (const body of ['two', 'three']) {
      await call(agent, 'message:send', { conversationId, clientMessageId: clientId(), body });
    }

    const v2 = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: first.token });
    await connected(v2);
    const resumed = await call<SessionResumeResult>(v2, 'session:resume', { conversationId, lastSeq: 1 });
    expect(resumed.visitorId).toBe(first.visitorId);
    expect(resumed.token).toBe(first.token);
    expect(resumed.messages.map((m) => [m.seq, m.body])).toEqual([
      [2, 'two'],
      [3, 'three'],
    ]);

    // A fresh page (nothing held) gets the whole conversation.
    const full = await call<SessionResumeResult>(v2, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(full.messages.map((m) => m.body)).toEqual(['one', 'two', 'three']);
  });

  it('stores a retried visitor send once and acks it with the same seq', async () => {
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    await call(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    const id = clientId();
    const results = await Promise.all([
      call<SendResult>(v, 'message:send', { clientMessageId: id, body: 'only once' }),
      call<SendResult>(v, 'message:send', { clientMessageId: id, body: 'only once' }),
    ]);
    const again = await call<SendResult>(v, 'message:send', { clientMessageId: id, body: 'only once' });
    expect(new Set([...results, again].map((r) => r.message.id)).size).toBe(1);
    expect(again.message.seq).toBe(1);
    const resumed = await call<SessionResumeResult>(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.messages).toHaveLength(1);
  });

  it('stores a retried agent send once, and the agent catches up by afterSeq', async () => {
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    await call(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    const { conversation } = await call<SendResult>(v, 'message:send', { clientMessageId: clientId(), body: 'hi' });
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    const id = clientId();
    const a = await call<{ message: Message }>(agent, 'message:send', {
      conversationId: conversation.id,
      clientMessageId: id,
      body: 'hello',
    });
    const b = await call<{ message: Message }>(agent, 'message:send', {
      conversationId: conversation.id,
      clientMessageId: id,
      body: 'hello',
    });
    expect(b.message).toEqual(a.message);

    agent.disconnect();
    await call(v, 'message:send', { clientMessageId: clientId(), body: 'are you there?' });
    const back = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const missed = await call<{ messages: Message[] }>(back, 'conversation:history', {
      conversationId: conversation.id,
      afterSeq: 2,
    });
    expect(missed.messages.map((m) => [m.seq, m.body])).toEqual([[3, 'are you there?']]);
  });

  it('echoes a visitor message to every tab of that visitor', async () => {
    const tab1 = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(tab1);
    const session = await call<SessionResumeResult>(tab1, 'session:resume', { conversationId: null, lastSeq: 0 });
    const tab2 = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: session.token });
    await connected(tab2);
    const echoed = nextEvent<Message>(tab2, 'message:new');
    const sent = await call<SendResult>(tab1, 'message:send', { clientMessageId: clientId(), body: 'from tab one' });
    expect(await echoed).toEqual(sent.message);
  });
});
