import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message, SessionResumeResult } from '@parley/shared';
import { ChatClient } from '../src/client/chat-client.ts';
import { pendingEntries } from '../src/client/chat-state.ts';
import { saveHistory } from '../src/client/history-cache.ts';
import { createLocalStore } from '../src/client/local-store.ts';
import { mergeMessages, EMPTY_THREAD } from '../src/client/message-merge.ts';
import { Outbox } from '../src/client/outbox.ts';
import { FakeSocket } from './fake-socket.ts';
import { activeConversation, conversation, message, visitorMessage } from './fixtures.ts';

const SITE = 'site-a';
const clients: ChatClient[] = [];

/** A client on this page load, and the socket it opens (one per client in these tests). */
function startClient(): { client: ChatClient; socket: () => FakeSocket } {
  let socket: FakeSocket | null = null;
  const client = new ChatClient({
    siteKey: SITE,
    serverUrl: 'http://parley.test',
    createSocket: (handshake) => (socket = new FakeSocket(handshake)),
  });
  clients.push(client);
  return {
    client,
    socket: () => {
      if (!socket) throw new Error('the client has not opened a socket');
      return socket;
    },
  };
}

function resumed(overrides: Partial<SessionResumeResult> = {}): { ok: true; data: SessionResumeResult } {
  return {
    ok: true,
    data: {
      token: 'tok-1',
      visitorId: 'v1',
      conversation: null,
      messages: [],
      queuePosition: null,
      agentsOnline: true,
      estimatedWaitSeconds: null,
      withinBusinessHours: true,
      ...overrides,
    },
  };
}

const sendAck = (msg: Message, conv = activeConversation()) => ({
  ok: true as const,
  data: { message: msg, conversation: conv },
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  vi.restoreAllMocks();
});

describe('ChatClient', () => {
  it('after a reload shows the cached conversation and outbox at once, resumes from the highest seq, then sends the outbox in order', async () => {
    const store = createLocalStore(SITE);
    saveHistory(store, {
      conversation: activeConversation(),
      thread: mergeMessages(EMPTY_THREAD, 'c1', [message(1), visitorMessage(2), message(3)]),
    });
    const outbox = new Outbox(store);
    const first = outbox.add('first');
    const second = outbox.add('second');

    const { client, socket } = startClient();
    expect(client.getState().thread.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(pendingEntries(client.getState()).map((e) => e.body)).toEqual(['first', 'second']);
    expect(client.hasUnfinishedBusiness()).toBe(true);

    client.connect();
    socket().accept();
    const resume = await socket().request('session:resume');
    // no lastChangeSeq: nothing held was edited or deleted, so the resume leaves it out
    expect(resume.payload).toEqual({ conversationId: 'c1', lastSeq: 3 });
    // nothing may be sent before the resume answers: it could land before the catch-up
    expect(socket().pendingOf('message:send')).toEqual([]);
    resume.reply(resumed({ conversation: activeConversation(), messages: [message(4)] }));

    const send1 = await socket().request('message:send');
    expect(send1.payload).toEqual({ clientMessageId: first.clientMessageId, body: 'first' });
    expect(socket().pendingOf('message:send')).toHaveLength(1);
    send1.reply(sendAck(visitorMessage(5, { clientMessageId: first.clientMessageId, body: 'first' })));

    const send2 = await socket().request('message:send');
    expect(send2.payload).toEqual({ clientMessageId: second.clientMessageId, body: 'second' });
    send2.reply(sendAck(visitorMessage(6, { clientMessageId: second.clientMessageId, body: 'second' })));
    await vi.waitFor(() => expect(client.getState().outbox).toEqual([]));

    expect(client.getState().thread.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(localStorage.getItem(`parley:${SITE}:token`)).toBe('tok-1');
    expect(localStorage.getItem(`parley:${SITE}:outbox`)).toBeNull();
  });

  it('resends a message lost to a disconnect with the same clientMessageId, and shows it once', async () => {
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    (await socket().request('session:resume')).reply(resumed());

    client.send('hello');
    const lost = await socket().request('message:send');
    const stored = visitorMessage(1, { clientMessageId: String(lost.payload.clientMessageId), body: 'hello' });
    // the server stored it and echoed it, but the ack never made it back
    socket().push('message:new', stored);
    socket().drop();
    expect(client.getState().connection).toBe('reconnecting');
    expect(client.getState().outbox).toHaveLength(1);
    expect(pendingEntries(client.getState())).toEqual([]);

    socket().accept();
    const resume = await socket().request('session:resume');
    expect(resume.payload).toEqual({ conversationId: 'c1', lastSeq: 1 });
    expect(socket().handshakes.at(-1)).toEqual({
      siteKey: SITE,
      token: 'tok-1',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    resume.reply(resumed({ conversation: conversation(), messages: [] }));

    const retry = await socket().request('message:send');
    expect(retry.payload).toEqual(lost.payload);
    retry.reply(sendAck(stored, conversation()));
    await vi.waitFor(() => expect(client.getState().outbox).toEqual([]));
    expect(client.getState().thread.messages.map((m) => m.body)).toEqual(['hello']);
  });

  it('drops a message the server calls invalid and says so (in the locale; the reason goes to the console)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    (await socket().request('session:resume')).reply(resumed());
    client.send('x'.repeat(6000));
    const send = await socket().request('message:send');
    send.reply({ ok: false, error: { code: 'invalid_payload', message: 'at most 5000 characters' } });
    await vi.waitFor(() => expect(client.getState().outbox).toEqual([]));
    expect(client.getState().notice).toBe('notSent');
    expect(warn).toHaveBeenCalledWith('Parley chat: a message was refused: at most 5000 characters');
  });

  it('gives up quietly when the server refuses this page', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client, socket } = startClient();
    client.connect();
    socket().refuse({ code: 'origin_not_allowed', message: 'This page may not use this chat' });
    expect(client.getState().connection).toBe('failed');
    expect(client.getState().notice).toBe('unavailable');
    expect(socket().active).toBe(false);
    expect(socket().connectCalls).toBe(1);
  });

  it('shows the queue, then the agent, then the end, from server pushes', async () => {
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    (await socket().request('session:resume')).reply(resumed({ conversation: conversation(), queuePosition: 2 }));
    expect(client.getState().queuePosition).toBe(2);
    socket().push('queue:position', { conversationId: 'c1', position: 1, estimatedWaitSeconds: null });
    expect(client.getState().queuePosition).toBe(1);
    socket().push('conversation:updated', activeConversation());
    expect(client.getState().conversation?.agent?.name).toBe('Ada');
    socket().push('typing:update', { conversationId: 'c1', author: 'agent', typing: true });
    expect(client.getState().agentTyping).toBe(true);
    socket().push('message:new', message(1, { body: 'How can I help?' }));
    expect(client.getState().agentTyping).toBe(false);
    socket().push('conversation:updated', activeConversation({ status: 'closed', closedBy: 'agent' }));
    expect(client.getState().conversation?.status).toBe('closed');
  });

  it('announces typing only within a conversation, and stops on send', async () => {
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    (await socket().request('session:resume')).reply(resumed());
    client.input();
    expect(socket().notifications).toEqual([]);

    socket().push('conversation:updated', activeConversation());
    client.input();
    client.send('hi');
    expect(socket().notifications).toEqual([
      { event: 'typing:start', payload: { conversationId: 'c1' } },
      { event: 'typing:stop', payload: { conversationId: 'c1' } },
    ]);
  });

  it('reports the highest agent message seen, once per new message', async () => {
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    (await socket().request('session:resume')).reply(
      resumed({ conversation: activeConversation(), messages: [message(1), visitorMessage(2)] }),
    );
    client.markSeen();
    client.markSeen();
    expect(
      socket()
        .pendingOf('message:seen')
        .map((r) => r.payload),
    ).toEqual([{ conversationId: 'c1', seq: 1 }]);
    socket().push('message:new', message(3));
    client.markSeen();
    expect(
      socket()
        .pendingOf('message:seen')
        .map((r) => r.payload.seq),
    ).toEqual([1, 3]);
  });

  it('ends the chat with conversation:close', async () => {
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    (await socket().request('session:resume')).reply(resumed({ conversation: activeConversation() }));
    client.endChat();
    const close = await socket().request('conversation:close');
    expect(close.payload).toEqual({ conversationId: 'c1' });
    close.reply({ ok: true, data: activeConversation({ status: 'closed', closedBy: 'visitor' }) });
    await vi.waitFor(() => expect(client.getState().conversation?.status).toBe('closed'));
  });

  it('leaves no listeners and no connection behind when destroyed', async () => {
    const { client, socket } = startClient();
    const seen: unknown[] = [];
    client.subscribe((s) => seen.push(s));
    client.connect();
    socket().accept();
    client.destroy();
    expect(socket().connected).toBe(false);
    expect(socket().active).toBe(false);
    const count = seen.length;
    socket().push('message:new', message(1));
    expect(seen).toHaveLength(count);
  });
});
