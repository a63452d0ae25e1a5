/**
 * Handing conversations on over real sockets: a transfer moves the chat to an online colleague with
 * a free seat, with a private note for them, and both consoles hear it at once; reopening brings a
 * closed chat back to the same agent and tells the visitor.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationSummary, HistoryResult, Message, Note } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import { call, callRaw, clientId, nextEvent } from './support/clients.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';

const t = useTestServer();

async function annHoldsAChat() {
  const ann = await agentOnline(t, 'Ann');
  const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
  const visitor = await visitorWrites(t, 'My parcel never arrived');
  await assigned;
  return { ann, visitor };
}

describe('transfer', () => {
  it('moves the chat to a colleague with a note: both consoles update, the visitor sees the new agent only', async () => {
    const { ann, visitor } = await annHoldsAChat();
    const bob = await agentOnline(t, 'Bob');
    const visitorEvents: Array<[string, unknown]> = [];
    visitor.socket.onAny((event: string, payload: unknown) => visitorEvents.push([event, payload]));

    const goneFromAnn = nextEvent<Conversation>(ann.socket, 'conversation:updated', (c) => c.agent?.name === 'Bob');
    const toBob = nextEvent<ConversationSummary>(bob.socket, 'conversation:assigned');
    const noteForBob = nextEvent<Note>(bob.socket, 'note:new');
    const visitorSeesBob = nextEvent<Conversation>(
      visitor.socket,
      'conversation:updated',
      (c) => c.agent?.name === 'Bob',
    );
    const moved = await call<Conversation>(ann.socket, 'conversation:transfer', {
      conversationId: visitor.conversation.id,
      toAgentId: bob.id,
      note: 'Billing question: refund approved up to 20 EUR',
    });
    expect(moved).toMatchObject({ status: 'active', agent: { id: bob.id, name: 'Bob' } });
    await goneFromAnn;
    expect((await toBob).lastMessage?.body).toBe('My parcel never arrived');
    expect(await noteForBob).toMatchObject({
      body: 'Billing question: refund approved up to 20 EUR',
      author: { name: 'Ann' },
      transferredTo: { id: bob.id, name: 'Bob' },
      afterSeq: 1,
    });
    await visitorSeesBob;

    const history = await call<HistoryResult>(bob.socket, 'conversation:history', {
      conversationId: visitor.conversation.id,
      afterSeq: 0,
    });
    expect(history.notes.map((n) => n.body)).toEqual(['Billing question: refund approved up to 20 EUR']);
    // Ann no longer holds it
    const refused = await callRaw(ann.socket, 'message:send', {
      conversationId: visitor.conversation.id,
      clientMessageId: clientId(),
      body: 'x',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(visitorEvents)).not.toContain('refund approved');
  });

  it('refuses a colleague who is away, full, not signed in, or oneself', async () => {
    const { ann, visitor } = await annHoldsAChat();
    const conversationId = visitor.conversation.id;
    const cy = await agentOnline(t, 'Cy', 1);
    const dee = await agentOnline(t, 'Dee');
    const absent = await t.createAgent({ name: 'Eve' });
    await call(dee.socket, 'agent:status', { status: 'away' });
    // fill Cy's only seat
    const cyAssigned = nextEvent<ConversationSummary>(cy.socket, 'conversation:assigned');
    await visitorWrites(t, 'another visitor');
    await cyAssigned;

    const refusal = async (toAgentId: string) =>
      callRaw(ann.socket, 'conversation:transfer', { conversationId, toAgentId });
    expect(await refusal(cy.id)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Cy has no free capacity (1 of 1 chats)' },
    });
    expect(await refusal(dee.id)).toEqual({ ok: false, error: { code: 'conflict', message: 'Dee is away' } });
    expect(await refusal(absent.id)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Eve is not signed in' },
    });
    expect(await refusal(ann.id)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'You already have this conversation' },
    });
    expect(await refusal('agt_missing')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await t.server.store.conversations.findById(conversationId))?.agent?.name).toBe('Ann');
    expect(await t.server.store.notes.listFor(conversationId)).toEqual([]);
  });
});

describe('reopen', () => {
  it('brings a closed chat back to the same agent and tells the visitor', async () => {
    const { ann, visitor } = await annHoldsAChat();
    const conversationId = visitor.conversation.id;
    await call(ann.socket, 'conversation:close', { conversationId });

    const activeAgain = nextEvent<Conversation>(visitor.socket, 'conversation:updated', (c) => c.status === 'active');
    const told = nextEvent<Message>(visitor.socket, 'message:new', (m) => m.author.kind === 'system');
    const annHears = nextEvent<Conversation>(ann.socket, 'conversation:updated', (c) => c.status === 'active');
    const reopened = await call<Conversation>(ann.socket, 'conversation:reopen', { conversationId });
    expect(reopened).toMatchObject({ status: 'active', agent: { name: 'Ann' }, closedAt: null, closedBy: null });
    expect((await activeAgain).agent?.name).toBe('Ann');
    expect((await told).body).toBe('Ann reopened the conversation.');
    await annHears;

    const reply = nextEvent<Message>(visitor.socket, 'message:new', (m) => m.author.kind === 'agent');
    await call(ann.socket, 'message:send', { conversationId, clientMessageId: clientId(), body: 'One more thing' });
    expect((await reply).body).toBe('One more thing');
    // the visitor writes into the same conversation again
    const { conversation } = await call<{ conversation: Conversation }>(visitor.socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'thanks',
    });
    expect(conversation.id).toBe(conversationId);
  });

  it('refuses another agent, an open conversation, a full agent, and a visitor who started anew', async () => {
    const { ann, visitor } = await annHoldsAChat();
    const conversationId = visitor.conversation.id;
    expect(await callRaw(ann.socket, 'conversation:reopen', { conversationId })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This conversation is not closed' },
    });
    await call(ann.socket, 'conversation:close', { conversationId });
    const bob = await agentOnline(t, 'Bob');
    expect(await callRaw(bob.socket, 'conversation:reopen', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // The visitor comes back with a new question: that one is theirs now, the old one stays closed.
    await call(visitor.socket, 'message:send', { clientMessageId: clientId(), body: 'new question' });
    expect(await callRaw(ann.socket, 'conversation:reopen', { conversationId })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The visitor has started another conversation since' },
    });
  });

  it('keeps within the agent’s capacity', async () => {
    const solo = await agentOnline(t, 'Solo', 1);
    const first = nextEvent<ConversationSummary>(solo.socket, 'conversation:assigned');
    const a = await visitorWrites(t, 'a');
    await first;
    await call(solo.socket, 'conversation:close', { conversationId: a.conversation.id });
    const second = nextEvent<ConversationSummary>(solo.socket, 'conversation:assigned');
    await visitorWrites(t, 'b');
    await second;
    expect(await callRaw(solo.socket, 'conversation:reopen', { conversationId: a.conversation.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'You are at capacity (1 of 1 chats)' },
    });
  });
});
