/**
 * Private notes over real sockets: the agent's other tabs and the agent taking over see them; the
 * visitor never does, on any event, nor in resume after a reconnect.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationSummary, HistoryResult, Message, Note, SessionResumeResult } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectAgent,
  connectVisitor,
  connected,
  login,
  nextEvent,
} from './support/clients.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';

const t = useTestServer();
const SECRET = 'Customer is on the legacy plan, do not offer the upgrade';

describe('private notes', () => {
  it('reach the agent’s tabs and history, never the visitor', async () => {
    const agent = await t.createAgent({ name: 'Ann' });
    const cookie = await login(t.url, agent.email, agent.password);
    const tabA = connectAgent(t.url, cookie);
    const tabB = connectAgent(t.url, cookie);
    await Promise.all([connected(tabA), connected(tabB)]);
    await call(tabA, 'agent:sync', {});
    const assigned = nextEvent<ConversationSummary>(tabA, 'conversation:assigned');
    const visitor = await visitorWrites(t, 'Can I get a discount?');
    await assigned;
    const conversationId = visitor.conversation.id;
    const visitorEvents: Array<[string, unknown]> = [];
    visitor.socket.onAny((event: string, payload: unknown) => visitorEvents.push([event, payload]));

    const inTabB = nextEvent<Note>(tabB, 'note:new');
    const clientNoteId = clientId();
    const { note } = await call<{ note: Note }>(tabA, 'note:add', { conversationId, clientNoteId, body: SECRET });
    expect(note).toMatchObject({
      conversationId,
      body: SECRET,
      author: { id: agent.id, name: 'Ann' },
      afterSeq: 1,
      transferredTo: null,
    });
    expect((await inTabB).id).toBe(note.id);
    // a retry is the same note
    expect((await call<{ note: Note }>(tabA, 'note:add', { conversationId, clientNoteId, body: SECRET })).note.id).toBe(
      note.id,
    );

    // a later message proves the visitor's socket was listening all along
    const after = nextEvent<Message>(visitor.socket, 'message:new', (m) => m.body === 'Let me check.');
    await call(tabA, 'message:send', { conversationId, clientMessageId: clientId(), body: 'Let me check.' });
    await after;
    expect(visitorEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify(visitorEvents)).not.toContain(SECRET);

    const history = await call<HistoryResult>(tabA, 'conversation:history', { conversationId, afterSeq: 0 });
    expect(history.notes.map((n) => n.body)).toEqual([SECRET]);
    expect(history.messages.map((m) => m.body)).toEqual(['Can I get a discount?', 'Let me check.']);

    // a reconnecting visitor gets the thread without it
    visitor.socket.disconnect();
    const back = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: visitor.token });
    await connected(back);
    const resumed = await call<SessionResumeResult>(back, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.messages.map((m) => m.body)).toEqual(['Can I get a discount?', 'Let me check.']);
    expect(JSON.stringify(resumed)).not.toContain(SECRET);
  });

  it('can be written only on one’s own conversations', async () => {
    const ann = await agentOnline(t, 'Ann');
    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    const visitor = await visitorWrites(t, 'hi');
    await assigned;
    const bob = await agentOnline(t, 'Bob');
    const refused = await callRaw(bob.socket, 'note:add', {
      conversationId: visitor.conversation.id,
      clientNoteId: clientId(),
      body: 'sneaky',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await callRaw(ann.socket, 'note:add', {
        conversationId: visitor.conversation.id,
        clientNoteId: clientId(),
        body: '   ',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await t.server.store.notes.listFor(visitor.conversation.id)).toEqual([]);
  });
});
