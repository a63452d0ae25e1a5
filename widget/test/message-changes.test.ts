/**
 * Edits and deletes in the widget's client (issue 19): a message:updated push replaces the held copy,
 * an older copy never undoes a newer change, and a resume asks from the highest change held and merges
 * the changes it missed; a quoted reply goes out with the id of the message it answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Message, SessionResumeResult } from '@parley/shared';
import { ChatClient } from '../src/client/chat-client.ts';
import { saveHistory } from '../src/client/history-cache.ts';
import { createLocalStore } from '../src/client/local-store.ts';
import { EMPTY_THREAD, mergeMessages } from '../src/client/message-merge.ts';
import { FakeSocket } from './fake-socket.ts';
import { activeConversation, message, visitorMessage } from './fixtures.ts';

const SITE = 'site-edits';
const clients: ChatClient[] = [];

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

const resumed = (overrides: Partial<SessionResumeResult>) => ({
  ok: true as const,
  data: {
    token: 'tok-1',
    visitorId: 'v1',
    conversation: activeConversation(),
    messages: [],
    queuePosition: null,
    agentsOnline: true,
    estimatedWaitSeconds: null,
    withinBusinessHours: true,
    ...overrides,
  },
});

const bodies = (client: ChatClient) => client.getState().thread.messages.map((m) => [m.seq, m.body]);

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  localStorage.clear();
});

describe('message changes in the widget', () => {
  it('resumes from the highest change held, merges what it missed, and keeps the newest copy', async () => {
    const edited: Message = { ...message(2), body: 'fixed', editedAt: '2026-01-01T00:00:00Z', changeSeq: 3 };
    saveHistory(createLocalStore(SITE), {
      conversation: activeConversation(),
      thread: mergeMessages(EMPTY_THREAD, 'c1', [message(1), edited, visitorMessage(3)]),
    });
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    const resume = await socket().request('session:resume');
    expect(resume.payload).toEqual({ conversationId: 'c1', lastSeq: 3, lastChangeSeq: 3 });
    const deleted: Message = { ...message(1), body: '', deletedAt: '2026-01-01T00:01:00Z', changeSeq: 4 };
    resume.reply(resumed({ messages: [message(4)], changes: [deleted] }));
    await expect
      .poll(() => bodies(client))
      .toEqual([
        [1, ''],
        [2, 'fixed'],
        [3, visitorMessage(3).body],
        [4, message(4).body],
      ]);

    // a live edit replaces the held copy; a late, older copy (an echo) does not undo it
    socket().push('message:updated', { ...edited, body: 'fixed again', changeSeq: 5 });
    expect(bodies(client)[1]).toEqual([2, 'fixed again']);
    socket().push('message:new', edited);
    expect(bodies(client)[1]).toEqual([2, 'fixed again']);
  });

  it('sends a quoted reply with the id of the message it answers, once', async () => {
    const { client, socket } = startClient();
    client.connect();
    socket().accept();
    (await socket().request('session:resume')).reply(resumed({ messages: [message(1)] }));
    await expect.poll(() => client.getState().connection).toBe('online');
    client.chat.update({ ...client.getState(), replyTo: message(1) });
    client.send('answering that');
    const send = await socket().request('message:send');
    expect(send.payload).toMatchObject({ body: 'answering that', replyToId: message(1).id });
    expect(client.getState().replyTo).toBeNull();
  });
});
