/**
 * Quoted replies, edits and deletes over real sockets (issue 19): both sides see them live and after
 * a resume; only the author changes a message, a visitor only within the window; a deleted message's
 * text reaches nobody but an admin reading the revisions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ErrorCode,
  type ConversationSummary,
  type HistoryResult,
  type Message,
  type MessageChangeResult,
  type MessageRevisionsResult,
  type SendResult,
  type SessionResumeResult,
} from '@parley/shared';
import { ADMIN, startTestServer, useTestServer, type TestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connectVisitor,
  connected,
  disconnectAll,
  nextEvent,
  signInAgent,
  type AgentSocket,
  type VisitorSocket,
} from './support/clients.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';
import { transcriptLines } from '../src/mail/mail-body.ts';

const SECRET = 'my card number is 4111 1111 1111 1111';

/** A visitor chatting with an agent who holds the conversation. */
async function chat(t: TestServer, first: string) {
  const agent = await agentOnline(t, 'Ann');
  const assigned = nextEvent<ConversationSummary>(agent.socket, 'conversation:assigned');
  const visitor = await visitorWrites(t, first);
  await assigned;
  const conversationId = visitor.conversation.id;
  const [visitorMessage] = (
    await call<HistoryResult>(agent.socket, 'conversation:history', { conversationId, afterSeq: 0 })
  ).messages;
  if (!visitorMessage) throw new Error('the first message is missing');
  return { agent, visitor, conversationId, visitorMessage };
}

async function agentSays(socket: AgentSocket, conversationId: string, body: string, replyToId?: string) {
  const payload = { conversationId, clientMessageId: clientId(), body, ...(replyToId && { replyToId }) };
  return (await call<{ message: Message }>(socket, 'message:send', payload)).message;
}

const resumeOf = (socket: VisitorSocket, conversationId: string | null, lastSeq: number, lastChangeSeq?: number) =>
  call<SessionResumeResult>(socket, 'session:resume', {
    conversationId,
    lastSeq,
    ...(lastChangeSeq !== undefined && { lastChangeSeq }),
  });

describe('message edits', () => {
  const t = useTestServer();

  it('quoted replies show on both sides, live and after reload, and follow edits and deletes of the original', async () => {
    const { agent, visitor, conversationId, visitorMessage } = await chat(t, 'My order 1234 has not arrived');
    const toVisitor = nextEvent<Message>(visitor.socket, 'message:new', (m) => m.body === 'Let me look');
    const reply = await agentSays(agent.socket, conversationId, 'Let me look', visitorMessage.id);
    const quote = {
      id: visitorMessage.id,
      seq: 1,
      author: { kind: 'visitor', name: null },
      excerpt: 'My order 1234 has not arrived',
      deleted: false,
    };
    expect(reply.replyTo).toEqual(quote);
    expect((await toVisitor).replyTo).toEqual(quote);

    // the visitor answers the agent's message
    const toAgent = nextEvent<Message>(agent.socket, 'message:new', (m) => m.body === 'Thanks!');
    const sent = await call<SendResult>(visitor.socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'Thanks!',
      replyToId: reply.id,
    });
    expect(sent.message.replyTo).toMatchObject({ id: reply.id, author: { kind: 'agent', name: 'Ann' } });
    expect((await toAgent).replyTo?.excerpt).toBe('Let me look');

    // after an edit, a reload shows the quote as the original reads now; after a delete, no text at all
    await call(visitor.socket, 'message:edit', {
      conversationId,
      messageId: visitorMessage.id,
      clientChangeId: clientId(),
      body: 'My order 1235 has not arrived',
    });
    let history = await call<HistoryResult>(agent.socket, 'conversation:history', { conversationId, afterSeq: 0 });
    expect(history.messages.find((m) => m.id === reply.id)?.replyTo?.excerpt).toBe('My order 1235 has not arrived');
    await call(agent.socket, 'message:delete', { conversationId, messageId: reply.id });
    const resumed = await resumeOf(visitor.socket, conversationId, 0);
    const thanks = resumed.messages.find((m) => m.body === 'Thanks!');
    expect(thanks?.replyTo).toEqual({
      id: reply.id,
      seq: reply.seq,
      author: { kind: 'agent', name: 'Ann' },
      excerpt: '',
      deleted: true,
    });
    history = await call<HistoryResult>(agent.socket, 'conversation:history', { conversationId, afterSeq: 0 });
    expect(history.messages.map((m) => m.seq)).toEqual([1, 2, 3]);

    // a deleted message cannot be quoted, nor one of another visitor's conversation
    const quoteDeleted = await callRaw(visitor.socket, 'message:send', {
      clientMessageId: clientId(),
      body: 'again',
      replyToId: reply.id,
    });
    expect(quoteDeleted).toMatchObject({ ok: false, error: { code: ErrorCode.MessageDeleted } });
    const stranger = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(stranger);
    await resumeOf(stranger, null, 0);
    const foreign = await callRaw(stranger, 'message:send', {
      clientMessageId: clientId(),
      body: 'me too',
      replyToId: visitorMessage.id,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
  });

  it('edits and deletes reach both sides live; the deleted text only an admin reads, in the revisions', async () => {
    const { agent, visitor, conversationId, visitorMessage } = await chat(t, 'hello');
    const agentEvents: unknown[] = [];
    const visitorEvents: unknown[] = [];
    agent.socket.onAny((...args: unknown[]) => agentEvents.push(args));
    visitor.socket.onAny((...args: unknown[]) => visitorEvents.push(args));

    const edited = nextEvent<Message>(agent.socket, 'message:updated');
    const { message } = await call<MessageChangeResult>(visitor.socket, 'message:edit', {
      conversationId,
      messageId: visitorMessage.id,
      clientChangeId: clientId(),
      body: SECRET,
    });
    expect(message).toMatchObject({ id: visitorMessage.id, seq: 1, body: SECRET, changeSeq: 1, deletedAt: null });
    expect(message.editedAt).toEqual(expect.any(String));
    expect((await edited).body).toBe(SECRET);

    const deleted = nextEvent<Message>(agent.socket, 'message:updated', (m) => Boolean(m.deletedAt));
    const removed = await call<MessageChangeResult>(visitor.socket, 'message:delete', {
      conversationId,
      messageId: visitorMessage.id,
    });
    expect(removed.message).toMatchObject({ id: visitorMessage.id, seq: 1, body: '', changeSeq: 2 });
    expect((await deleted).body).toBe('');
    // deleting again is a retry: the same answer, nothing new
    expect(
      (
        await call<MessageChangeResult>(visitor.socket, 'message:delete', {
          conversationId,
          messageId: visitorMessage.id,
        })
      ).message.changeSeq,
    ).toBe(2);
    // an edit of a deleted message is refused
    const editDeleted = await callRaw(visitor.socket, 'message:edit', {
      conversationId,
      messageId: visitorMessage.id,
      clientChangeId: clientId(),
      body: 'back',
    });
    expect(editDeleted).toMatchObject({ ok: false, error: { code: ErrorCode.MessageDeleted } });

    // a later message proves both sockets kept listening; the deleted text is gone from every read
    const after = nextEvent<Message>(visitor.socket, 'message:new', (m) => m.body === 'ok');
    await agentSays(agent.socket, conversationId, 'ok');
    await after;
    const history = await call<HistoryResult>(agent.socket, 'conversation:history', { conversationId, afterSeq: 0 });
    expect(history.messages[0]).toMatchObject({ seq: 1, body: '', deletedAt: expect.any(String) });
    expect(JSON.stringify(history)).not.toContain(SECRET);
    const resumed = await resumeOf(visitor.socket, conversationId, 0);
    expect(JSON.stringify(resumed)).not.toContain(SECRET);
    const plainRevisions = await callRaw(agent.socket, 'message:revisions', {
      conversationId,
      messageId: visitorMessage.id,
    });
    expect(plainRevisions).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });

    const admin = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const { revisions } = await call<MessageRevisionsResult>(admin, 'message:revisions', {
      conversationId,
      messageId: visitorMessage.id,
    });
    expect(revisions).toEqual([
      {
        action: 'edit',
        previousBody: 'hello',
        actor: { kind: 'visitor', id: visitor.conversation.visitorId, name: null },
        at: expect.any(String),
      },
      {
        action: 'delete',
        previousBody: SECRET,
        actor: { kind: 'visitor', id: visitor.conversation.visitorId, name: null },
        at: expect.any(String),
      },
    ]);
    // the edit's own push carried the text while it was current; nothing after the delete did
    const afterDeletion = (events: unknown[]) =>
      JSON.stringify(events.slice(events.findIndex((e) => JSON.stringify(e).includes('"deletedAt":"'))));
    expect(afterDeletion(agentEvents)).not.toContain(SECRET);
    expect(afterDeletion(visitorEvents)).not.toContain(SECRET);
  });

  it('only the author changes a message: others hear not_your_message or not_found', async () => {
    const { agent, visitor, conversationId, visitorMessage } = await chat(t, 'hi');
    const agentMessage = await agentSays(agent.socket, conversationId, 'Hello, how can I help?');
    const byAgent = await callRaw(agent.socket, 'message:edit', {
      conversationId,
      messageId: visitorMessage.id,
      clientChangeId: clientId(),
      body: 'changed',
    });
    expect(byAgent).toMatchObject({ ok: false, error: { code: ErrorCode.NotYourMessage } });
    const byVisitor = await callRaw(visitor.socket, 'message:delete', { conversationId, messageId: agentMessage.id });
    expect(byVisitor).toMatchObject({ ok: false, error: { code: ErrorCode.NotYourMessage } });
    const bob = await agentOnline(t, 'Bob');
    const byBob = await callRaw(bob.socket, 'message:delete', { conversationId, messageId: agentMessage.id });
    expect(byBob).toMatchObject({ ok: false, error: { code: ErrorCode.NotYourMessage } });
    const stranger = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(stranger);
    const byStranger = await callRaw(stranger, 'message:delete', { conversationId, messageId: visitorMessage.id });
    expect(byStranger).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
    // a message id of another conversation is not found in this one
    const mismatched = await callRaw(visitor.socket, 'message:delete', {
      conversationId: 'conv_nope',
      messageId: visitorMessage.id,
    });
    expect(mismatched).toMatchObject({ ok: false, error: { code: ErrorCode.NotFound } });
    const history = await call<HistoryResult>(agent.socket, 'conversation:history', { conversationId, afterSeq: 0 });
    expect(history.messages.map((m) => [m.body, m.changeSeq])).toEqual([
      ['hi', 0],
      ['Hello, how can I help?', 0],
    ]);
  });

  it('a retried edit is applied once, even after a later edit', async () => {
    const { agent, conversationId } = await chat(t, 'hi');
    const message = await agentSays(agent.socket, conversationId, 'Teh answer');
    const first = { conversationId, messageId: message.id, clientChangeId: clientId(), body: 'The answer' };
    await call(agent.socket, 'message:edit', first);
    await call(agent.socket, 'message:edit', { ...first, clientChangeId: clientId(), body: 'The answer is 42' });
    const retried = await call<MessageChangeResult>(agent.socket, 'message:edit', first);
    expect(retried.message).toMatchObject({ body: 'The answer is 42', changeSeq: 2 });
    // the same text again is no change at all
    const same = await call<MessageChangeResult>(agent.socket, 'message:edit', {
      ...first,
      clientChangeId: clientId(),
      body: 'The answer is 42',
    });
    expect(same.message.changeSeq).toBe(2);
  });

  it('a visitor who missed edits and deletes gets them on resume, once', async () => {
    const { agent, visitor, conversationId, visitorMessage } = await chat(t, 'hi');
    const a = await agentSays(agent.socket, conversationId, 'first answer');
    const b = await agentSays(agent.socket, conversationId, 'second answer');
    const held = await resumeOf(visitor.socket, conversationId, 0, 0);
    expect(held.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(held.changes).toEqual([]);

    visitor.socket.disconnect();
    await call(agent.socket, 'message:edit', {
      conversationId,
      messageId: a.id,
      clientChangeId: clientId(),
      body: 'first answer, fixed',
    });
    await call(agent.socket, 'message:delete', { conversationId, messageId: b.id });
    await agentSays(agent.socket, conversationId, 'third answer');

    const back = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: visitor.token });
    await connected(back);
    const resumed = await resumeOf(back, conversationId, 3, 0);
    expect(resumed.messages.map((m) => m.body)).toEqual(['third answer']);
    expect(resumed.changes?.map((m) => [m.seq, m.body, m.changeSeq])).toEqual([
      [2, 'first answer, fixed', 1],
      [3, '', 2],
    ]);
    // asked again from the last change held: nothing more
    expect((await resumeOf(back, conversationId, 4, 2)).changes).toEqual([]);
    // an older client (no lastChangeSeq) gets no `changes`, as before
    expect((await resumeOf(back, conversationId, 4)).changes).toBeUndefined();

    // the agent's console catches up the same way
    const history = await call<HistoryResult>(agent.socket, 'conversation:history', {
      conversationId,
      afterSeq: 4,
      afterChangeSeq: 1,
    });
    expect(history.messages).toEqual([]);
    expect(history.changes?.map((m) => m.seq)).toEqual([3]);
    expect(visitorMessage.changeSeq).toBe(0);
  });

  it('malformed edit and delete payloads are refused as invalid_payload and change nothing', async () => {
    const { visitor, conversationId, visitorMessage } = await chat(t, 'keep me');
    const hostile = fc.record(
      {
        conversationId: fc.oneof(fc.constant(conversationId), fc.string(), fc.integer(), fc.constant(null)),
        messageId: fc.oneof(fc.constant(visitorMessage.id), fc.string({ maxLength: 100 }), fc.integer()),
        clientChangeId: fc.oneof(fc.string(), fc.constant('../x'), fc.integer()),
        body: fc.oneof(
          fc.constant('   '),
          fc.string({ minLength: 5001, maxLength: 5100 }),
          fc.integer(),
          fc.constant({}),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('message:edit', 'message:delete'), hostile, async (event, payload) => {
        const ack = await callRaw(visitor.socket, event, payload);
        if (ack.ok) return; // a well-formed delete of one's own message may pass; checked below
        expect(Object.values(ErrorCode)).toContain(ack.error.code);
        expect(ack.error.code).not.toBe(ErrorCode.Internal);
      }),
      { numRuns: 60 },
    );
    const resumed = await resumeOf(visitor.socket, conversationId, 0);
    const first = resumed.messages[0];
    expect(first?.seq).toBe(1);
    // never edited: every edit above had a malformed body
    expect(first?.editedAt ?? null).toBeNull();
  });
});

describe('the visitor’s edit window', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    disconnectAll();
    await server?.close();
  });

  it('closes after MESSAGE_EDIT_WINDOW_SECONDS: edit_window_passed; agents have none', async () => {
    let now = Date.parse('2026-12-06T10:00:00Z');
    server = await startTestServer({ now: () => new Date(now), env: { MESSAGE_EDIT_WINDOW_SECONDS: '60' } });
    const { agent, visitor, conversationId, visitorMessage } = await chat(server, 'tpyo');
    const agentMessage = await agentSays(agent.socket, conversationId, 'noted');
    now += 59_000;
    await call(visitor.socket, 'message:edit', {
      conversationId,
      messageId: visitorMessage.id,
      clientChangeId: clientId(),
      body: 'typo',
    });
    now += 2000;
    const late = await callRaw(visitor.socket, 'message:delete', { conversationId, messageId: visitorMessage.id });
    expect(late).toMatchObject({ ok: false, error: { code: ErrorCode.EditWindowPassed } });
    now += 86_400_000;
    const { message } = await call<MessageChangeResult>(agent.socket, 'message:delete', {
      conversationId,
      messageId: agentMessage.id,
    });
    expect(message.deletedAt).toEqual(expect.any(String));
  });
});

describe('what leaves by email', () => {
  it('a transcript shows the current text and a deleted message as deleted', () => {
    const at = '2026-12-06T10:00:00Z';
    const author = { kind: 'visitor', id: 'vis_1', name: null } as const;
    const base = { conversationId: 'conv_1', clientMessageId: null, author, createdAt: at, attachments: [] };
    const lines = transcriptLines(
      [
        { ...base, id: 'msg_1', seq: 1, body: 'edited text', editedAt: at, changeSeq: 1 },
        { ...base, id: 'msg_2', seq: 2, body: '', deletedAt: at, changeSeq: 2 },
      ],
      { visitor: 'You', team: 'Support' },
    );
    expect(lines.map((line) => line.body)).toEqual(['edited text', '(message deleted)']);
  });
});

describe('emoji', () => {
  const t = useTestServer();

  it('are accepted in messages, edits and quotes as typed', async () => {
    const { agent, visitor, conversationId, visitorMessage } = await chat(t, 'Thanks 👍🏽 🎉');
    expect(visitorMessage.body).toBe('Thanks 👍🏽 🎉');
    const reply = await agentSays(agent.socket, conversationId, 'You are welcome 😊', visitorMessage.id);
    expect(reply.replyTo?.excerpt).toBe('Thanks 👍🏽 🎉');
    const { message } = await call<MessageChangeResult>(visitor.socket, 'message:edit', {
      conversationId,
      messageId: visitorMessage.id,
      clientChangeId: clientId(),
      body: '👍🏽',
    });
    expect(message.body).toBe('👍🏽');
  });
});
