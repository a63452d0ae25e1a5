/**
 * What the panel's forms ask of the ChatClient: the pre-chat answers travel with the first message
 * (and survive a reload in the outbox), ratings and transcript requests, messages left while
 * nobody is online (a retry keeps its client id), and failures reported as locale keys.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionResumeResult } from '@parley/shared';
import { ChatClient } from '../src/client/chat-client.ts';
import { Outbox } from '../src/client/outbox.ts';
import { createLocalStore } from '../src/client/local-store.ts';
import { FakeSocket } from './fake-socket.ts';
import { activeConversation, conversation, visitorMessage } from './fixtures.ts';

const SITE = 'site-forms';
const clients: ChatClient[] = [];

/** A client resumed on a live (stand-in) connection. */
async function onlineClient(
  resume: Partial<SessionResumeResult> = {},
): Promise<{ client: ChatClient; socket: FakeSocket }> {
  let socket: FakeSocket | null = null;
  const client = new ChatClient({
    siteKey: SITE,
    serverUrl: 'http://parley.test',
    createSocket: (hs) => (socket = new FakeSocket(hs)),
  });
  clients.push(client);
  client.connect();
  if (!socket) throw new Error('no socket');
  const live: FakeSocket = socket;
  live.accept();
  (await live.request('session:resume')).reply({
    ok: true,
    data: {
      token: 'tok',
      visitorId: 'v1',
      conversation: null,
      messages: [],
      queuePosition: null,
      agentsOnline: true,
      estimatedWaitSeconds: null,
      withinBusinessHours: true,
      ...resume,
    },
  });
  return { client, socket: live };
}

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('ChatClient and the forms', () => {
  it('sends the pre-chat answers with the first message, and only with it', async () => {
    const { client, socket } = await onlineClient();
    client.startChat({ name: 'Ada', email: 'ada@example.com' }, 'Where is my order?');
    expect(client.getState().contact).toBeNull();
    const first = await socket.request('message:send');
    expect(first.payload).toMatchObject({
      body: 'Where is my order?',
      contact: { name: 'Ada', email: 'ada@example.com' },
    });
    first.reply({
      ok: true,
      data: {
        message: visitorMessage(1, { clientMessageId: String(first.payload.clientMessageId) }),
        conversation: conversation(),
      },
    });
    await vi.waitFor(() => expect(client.getState().outbox).toEqual([]));
    client.send('And another thing');
    const second = await socket.request('message:send');
    expect(second.payload).not.toHaveProperty('contact');
  });

  it('keeps the answers for the first message written when the form asked no question', async () => {
    const { client, socket } = await onlineClient();
    client.startChat({ email: 'ada@example.com' });
    expect(client.getState().contact).toEqual({ email: 'ada@example.com' });
    expect(socket.pendingOf('message:send')).toEqual([]);
    client.send('Hello');
    expect((await socket.request('message:send')).payload).toMatchObject({
      body: 'Hello',
      contact: { email: 'ada@example.com' },
    });
  });

  it('keeps the answers in the outbox, so a reload still sends them', () => {
    const outbox = new Outbox(createLocalStore(SITE));
    outbox.add('Hi', { contact: { name: 'Ada' } });
    expect(new Outbox(createLocalStore(SITE)).list()).toMatchObject([{ body: 'Hi', contact: { name: 'Ada' } }]);
  });

  it('rates the conversation and takes the stored rating', async () => {
    const { client, socket } = await onlineClient({ conversation: activeConversation({ status: 'closed' }) });
    const rated = client.rate(5, '  Lovely  ');
    const request = await socket.request('conversation:rate');
    expect(request.payload).toEqual({ conversationId: 'c1', rating: 5, comment: 'Lovely' });
    request.reply({ ok: true, data: activeConversation({ status: 'closed', rating: 5, ratingComment: 'Lovely' }) });
    expect(await rated).toBe(true);
    expect(client.getState().conversation?.rating).toBe(5);
  });

  it('leaves out an empty comment, and reports a refused rating as not done', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client, socket } = await onlineClient({ conversation: activeConversation({ status: 'closed' }) });
    const rated = client.rate(2, '   ');
    const request = await socket.request('conversation:rate');
    expect(request.payload).toEqual({ conversationId: 'c1', rating: 2 });
    request.reply({
      ok: false,
      error: { code: 'conflict', message: 'Only a conversation an agent has taken can be rated' },
    });
    expect(await rated).toBe(false);
    expect(warn).toHaveBeenCalledWith('Parley chat: Only a conversation an agent has taken can be rated');
  });

  it('asks for the transcript, and reports a lost answer as not done', async () => {
    const { client, socket } = await onlineClient({ conversation: activeConversation({ status: 'closed' }) });
    const asked = client.requestTranscript('ada@example.com');
    const request = await socket.request('transcript:request');
    expect(request.payload).toEqual({ conversationId: 'c1', email: 'ada@example.com' });
    request.reply({ ok: true, data: {} });
    expect(await asked).toBe(true);
    const lost = client.requestTranscript('ada@example.com');
    (await socket.request('transcript:request')).fail();
    expect(await lost).toBe(false);
  });

  it('leaves a message while nobody is online; a retry after a lost answer keeps its client id', async () => {
    const { client, socket } = await onlineClient({ agentsOnline: false });
    const message = { email: 'ada@example.com', body: 'Call me back' };
    const first = client.leaveMessage(message);
    const lost = await socket.request('offline:message');
    lost.fail();
    expect(await first).toBe(false);
    const second = client.leaveMessage(message);
    const retry = await socket.request('offline:message');
    expect(retry.payload).toEqual({ ...message, clientMessageId: lost.payload.clientMessageId });
    const left = conversation({ id: 'c9', status: 'offline', visitorEmail: 'ada@example.com' });
    retry.reply({
      ok: true,
      data: { message: visitorMessage(1, { conversationId: 'c9', body: 'Call me back' }), conversation: left },
    });
    expect(await second).toBe(true);
    expect(client.getState().conversation?.status).toBe('offline');
    expect(client.getState().thread.messages.map((m) => m.body)).toEqual(['Call me back']);
    // the next message left is a new one
    void client.leaveMessage(message);
    expect((await socket.request('offline:message')).payload.clientMessageId).not.toBe(lost.payload.clientMessageId);
  });

  it('turns to the offline form when the server says it is outside business hours', async () => {
    const { client, socket } = await onlineClient();
    expect(client.getState().offHours).toBe(false);
    client.send('Hello?');
    (await socket.request('message:send')).reply({
      ok: false,
      error: { code: 'unavailable', message: 'Outside business hours' },
    });
    await vi.waitFor(() => expect(client.getState().offHours).toBe(true));
    expect(client.getState()).toMatchObject({ outbox: [], notice: null, refused: 'Hello?' });
    // what was refused waits for the offline form, and goes out with it
    client.send('Anyone?');
    (await socket.request('message:send')).reply({
      ok: false,
      error: { code: 'unavailable', message: 'Outside business hours' },
    });
    await vi.waitFor(() => expect(client.getState().refused).toBe('Hello?\nAnyone?'));
    const left = client.leaveMessage({ email: 'ada@example.com', body: 'Hello?\nAnyone?' });
    const offline = conversation({ id: 'c8', status: 'offline', visitorEmail: 'ada@example.com' });
    (await socket.request('offline:message')).reply({
      ok: true,
      data: { message: visitorMessage(1, { conversationId: 'c8', body: 'Hello?\nAnyone?' }), conversation: offline },
    });
    expect(await left).toBe(true);
    expect(client.getState().refused).toBeUndefined();
    const { client: closed } = await onlineClient({ withinBusinessHours: false });
    expect(closed.getState().offHours).toBe(true);
  });

  it('hears that the wait passed the maximum, and asks to be answered by email instead', async () => {
    const queued = conversation({ id: 'c7' });
    const { client, socket } = await onlineClient({ conversation: queued });
    socket.push('queue:overdue', { conversationId: 'c7' });
    expect(client.getState().overdue).toBe('c7');
    const asked = client.emailInstead('lin@example.com');
    const request = await socket.request('ticket:request');
    expect(request.payload).toEqual({ conversationId: 'c7', email: 'lin@example.com' });
    request.reply({ ok: true, data: { ...queued, status: 'offline', visitorEmail: 'lin@example.com' } });
    expect(await asked).toBe(true);
  });

  it('says so in the visitor’s language when ending the chat fails', async () => {
    const { client, socket } = await onlineClient({ conversation: activeConversation() });
    client.endChat();
    (await socket.request('conversation:close')).fail();
    await vi.waitFor(() => expect(client.getState().notice).toBe('tryAgain'));
  });

  it('knows the name and email the host page gave, to skip those questions', () => {
    const client = new ChatClient({
      siteKey: SITE,
      serverUrl: 'http://parley.test',
      createSocket: (hs) => new FakeSocket(hs),
    });
    clients.push(client);
    expect(client.knownContact()).toEqual({});
    client.identify({ id: 'u1', email: 'ada@example.com' });
    expect(client.knownContact()).toEqual({ email: 'ada@example.com' });
  });
});
