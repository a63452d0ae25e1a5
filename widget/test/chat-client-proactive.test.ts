/**
 * What the ChatClient does with proactive messages: holds rules back during a chat, while one
 * shows and after a dismissal (for the session), tags the answer with its origin, reports
 * fired/shown/opened/dismissed (after the resume when offline), and shows an agent's invite.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProactiveOrigin, SessionResumeResult } from '@parley/shared';
import { ChatClient } from '../src/client/chat-client.ts';
import type { ProactiveMessage } from '../src/client/chat-state.ts';
import { createSessionStore } from '../src/client/local-store.ts';
import { FakeSocket } from './fake-socket.ts';
import { activeConversation, conversation } from './fixtures.ts';

const SITE = 'site-proactive';
const clients: ChatClient[] = [];
const RULE: ProactiveOrigin = { kind: 'rule', ruleId: 'r1' };
const fromRule: ProactiveMessage = {
  origin: RULE,
  message: 'Questions about pricing?',
  senderName: 'Ada',
  senderAvatarUrl: null,
};

function client(): { client: ChatClient; socket: () => FakeSocket } {
  let socket: FakeSocket | null = null;
  const chat = new ChatClient({
    siteKey: SITE,
    serverUrl: 'http://parley.test',
    createSocket: (hs) => (socket = new FakeSocket(hs)),
  });
  clients.push(chat);
  return {
    client: chat,
    socket: () => {
      if (!socket) throw new Error('no socket yet');
      return socket;
    },
  };
}

async function resume(socket: FakeSocket, resumed: Partial<SessionResumeResult> = {}): Promise<void> {
  socket.accept();
  (await socket.request('session:resume')).reply({
    ok: true,
    data: {
      token: 'tok',
      visitorId: 'v1',
      conversation: null,
      messages: [],
      queuePosition: null,
      agentsOnline: true,
      estimatedWaitSeconds: null,
      ...resumed,
    },
  });
}

afterEach(() => {
  for (const chat of clients.splice(0)) chat.destroy();
  sessionStorage.clear();
});

describe('ChatClient and proactive messages', () => {
  it('reports events made before the connection once it has resumed', async () => {
    const { client: chat, socket } = client();
    chat.reportProactive(RULE, 'fired');
    chat.showProactive(fromRule);
    expect(chat.getState().proactive).toEqual(fromRule);
    chat.connect();
    await resume(socket());
    expect((await socket().request('proactive:event')).payload).toEqual({ origin: RULE, event: 'fired' });
    expect(
      socket()
        .pendingOf('proactive:event')
        .map((r) => r.payload),
    ).toEqual([
      { origin: RULE, event: 'fired' },
      { origin: RULE, event: 'shown' },
    ]);
  });

  it('blocks rules while one shows, and for the rest of the session once the visitor closes it', async () => {
    const { client: chat, socket } = client();
    chat.connect();
    await resume(socket());
    expect(chat.proactiveBlocked()).toBe(false);
    chat.showProactive(fromRule);
    expect(chat.proactiveBlocked()).toBe(true);
    chat.dismissProactive();
    expect(chat.getState().proactive).toBeNull();
    expect(
      socket()
        .pendingOf('proactive:event')
        .map((r) => r.payload.event),
    ).toEqual(['shown', 'dismissed']);
    expect(chat.proactiveBlocked()).toBe(true);
    // a reload in the same tab session still remembers
    const again = new ChatClient({ siteKey: SITE, serverUrl: 'http://parley.test', session: createSessionStore(SITE) });
    clients.push(again);
    expect(again.proactiveBlocked()).toBe(true);
  });

  it('never shows one during a conversation', async () => {
    const { client: chat, socket } = client();
    chat.connect();
    await resume(socket(), { conversation: activeConversation() });
    expect(chat.proactiveBlocked()).toBe(true);
    chat.showProactive(fromRule);
    socket().push('proactive:invite', { inviteId: 'i1', message: 'Hi!', senderName: 'Bo', senderAvatarUrl: null });
    expect(chat.getState().proactive).toBeNull();
  });

  it('sends the answer with its origin, opens the panel from the message, and puts it away once the chat starts', async () => {
    const { client: chat, socket } = client();
    chat.connect();
    await resume(socket());
    chat.showProactive(fromRule, true);
    expect(chat.getState().open).toBe(true);
    chat.send('Yes: is there a team plan?');
    const sent = await socket().request('message:send');
    expect(sent.payload).toMatchObject({ body: 'Yes: is there a team plan?', proactive: RULE });
    expect(chat.getState().proactive).toEqual(fromRule);
    expect(
      socket()
        .pendingOf('proactive:event')
        .map((r) => r.payload.event),
    ).toEqual(['shown', 'opened']);
    sent.reply({
      ok: true,
      data: {
        conversation: conversation(),
        message: {
          id: 'm1',
          conversationId: 'c1',
          seq: 1,
          clientMessageId: null,
          author: { kind: 'visitor', id: 'v1', name: null },
          body: 'Yes',
          createdAt: '2025-01-01T00:00:00.000Z',
        },
      },
    });
    await vi.waitFor(() => expect(chat.getState().conversation?.id).toBe('c1'));
    expect(chat.getState().proactive).toBeNull();
    chat.send('And one more');
    expect((await socket().request('message:send')).payload).not.toHaveProperty('proactive');
  });

  it('shows an agent’s invite like a rule’s message, in its place', async () => {
    const { client: chat, socket } = client();
    chat.connect();
    await resume(socket());
    chat.showProactive(fromRule);
    socket().push('proactive:invite', {
      inviteId: 'i1',
      message: 'Can I help you find a plan?',
      senderName: 'Bo',
      senderAvatarUrl: null,
    });
    expect(chat.getState().proactive).toEqual({
      origin: { kind: 'invite', inviteId: 'i1' },
      message: 'Can I help you find a plan?',
      senderName: 'Bo',
      senderAvatarUrl: null,
    });
    chat.openProactive();
    expect(
      socket()
        .pendingOf('proactive:event')
        .map((r) => r.payload),
    ).toEqual([
      { origin: RULE, event: 'shown' },
      { origin: { kind: 'invite', inviteId: 'i1' }, event: 'shown' },
      { origin: { kind: 'invite', inviteId: 'i1' }, event: 'opened' },
    ]);
  });
});
