/**
 * Manual routing over real sockets: queued conversations of a manual site wait for an agent to
 * accept them; two agents racing for one get exactly one winner and a clear refusal; the accepted
 * one leaves every agent's queue at once; away or full agents cannot accept.
 */
import { describe, expect, it } from 'vitest';
import type { Ack, Conversation, ConversationSummary, QueueUpdate } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import { call, callRaw, nextEvent } from './support/clients.ts';
import { agentOnline, setDemoRouting, visitorWrites } from './support/workflow.ts';

const t = useTestServer();

describe('manual routing', () => {
  it('keeps conversations queued with their wait and first message until one agent accepts', async () => {
    await setDemoRouting(t, 'manual');
    const ann = await agentOnline(t, 'Ann');
    const bob = await agentOnline(t, 'Bob');

    const queuedForBob = nextEvent<QueueUpdate>(bob.socket, 'queue:updated', (u) => u.queue.length === 1);
    const visitor = await visitorWrites(t, 'Can I change my delivery address?');
    expect(visitor.conversation.status).toBe('queued');
    const [waiting] = (await queuedForBob).queue;
    expect(waiting).toMatchObject({
      id: visitor.conversation.id,
      routingMode: 'manual',
      firstMessage: { body: 'Can I change my delivery address?' },
    });
    expect(Date.parse(waiting?.createdAt ?? '')).not.toBeNaN();

    // Both click Accept at once: exactly one wins; the other is told who has it.
    const goneForBob = nextEvent<QueueUpdate>(bob.socket, 'queue:updated', (u) => u.queue.length === 0);
    const goneForAnn = nextEvent<QueueUpdate>(ann.socket, 'queue:updated', (u) => u.queue.length === 0);
    const activeForVisitor = nextEvent<Conversation>(
      visitor.socket,
      'conversation:updated',
      (c) => c.status === 'active',
    );
    const results = await Promise.all([
      callRaw<ConversationSummary>(ann.socket, 'conversation:accept', { conversationId: visitor.conversation.id }),
      callRaw<ConversationSummary>(bob.socket, 'conversation:accept', { conversationId: visitor.conversation.id }),
    ]);
    const winners = results.filter((r): r is Extract<Ack<ConversationSummary>, { ok: true }> => r.ok);
    const losers = results.filter((r): r is Extract<Ack<ConversationSummary>, { ok: false }> => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]?.data.agent?.name ?? '';
    expect(['Ann', 'Bob']).toContain(winner);
    expect(losers[0]?.error).toEqual({ code: 'conflict', message: `${winner} has already accepted this conversation` });
    await goneForAnn;
    await goneForBob;
    expect((await activeForVisitor).agent?.name).toBe(winner);
    expect(winners[0]?.data.lastMessage?.body).toBe('Can I change my delivery address?');
  });

  it('refuses an agent who is away or has no free seat, and one who accepts a conversation already taken', async () => {
    await setDemoRouting(t, 'manual');
    const solo = await agentOnline(t, 'Solo', 1);
    const first = await visitorWrites(t, 'first');
    const second = await visitorWrites(t, 'second');

    await call(solo.socket, 'agent:status', { status: 'away' });
    expect(await callRaw(solo.socket, 'conversation:accept', { conversationId: first.conversation.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Set your status to Online to accept conversations' },
    });
    await call(solo.socket, 'agent:status', { status: 'online' });
    await call(solo.socket, 'conversation:accept', { conversationId: first.conversation.id });
    expect(await callRaw(solo.socket, 'conversation:accept', { conversationId: second.conversation.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'You are at capacity (1 of 1 chats)' },
    });
    expect((await t.server.store.conversations.findById(second.conversation.id))?.status).toBe('queued');
    expect((await callRaw(solo.socket, 'conversation:accept', { conversationId: 'conv_missing' })).ok).toBe(false);
  });

  it('still hands conversations out by itself on an automatic site', async () => {
    await setDemoRouting(t, 'automatic');
    const ann = await agentOnline(t, 'Ann');
    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    const visitor = await visitorWrites(t, 'hello');
    expect((await assigned).id).toBe(visitor.conversation.id);
  });
});
