/**
 * What one attacker could do to the /visitor namespace, each now limited (an attacker's session
 * found all of them open): a message flood from one socket, a queue flooded by fresh visitor
 * tokens, a page:view storm (each re-reads the agent's visitor panel), hundreds of sockets and
 * handshakes from one address. Limited events ack `rate_limited` with `retryAfterMs`; limited
 * handshakes are refused with the same in the connect_error's data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, SendResult } from '@parley/shared';
import { startTestServer, type TestServer } from './support/test-server.ts';
import {
  call,
  callRaw,
  clientId,
  connected,
  connectAgent,
  connectVisitor,
  disconnectAll,
  rejected,
  type VisitorSocket,
} from './support/clients.ts';

let t: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await t?.close();
  t = undefined;
});

async function start(env: Record<string, string>): Promise<TestServer> {
  t = await startTestServer({ env });
  return t;
}

async function visitor(server: TestServer, token?: string): Promise<VisitorSocket> {
  const socket = connectVisitor(server.url, {
    siteKey: server.siteKey,
    origin: server.origin,
    ...(token && { token }),
  });
  await connected(socket);
  return socket;
}

const send = (socket: VisitorSocket, body: string) =>
  callRaw<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body });

function expectLimited(ack: Ack<unknown>): void {
  expect(ack.ok).toBe(false);
  if (ack.ok) return;
  expect(ack.error.code).toBe('rate_limited');
  expect(ack.error.retryAfterMs).toBeGreaterThan(0);
}

const storedMessages = async (server: TestServer, conversationId: string) =>
  (await server.server.store.messages.listAfter(conversationId, 0, 1000)).length;

describe('limits on the visitor socket', () => {
  it('stores no more messages from one visitor than the limit, however fast they come', async () => {
    const server = await start({ RATE_LIMIT_MESSAGES_PER_VISITOR: '5/1m' });
    const socket = await visitor(server);
    const first = await call<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body: 'hello' });
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => send(socket, `flood ${i}`)));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(4);
    for (const ack of acks.filter((a) => !a.ok)) expectLimited(ack);
    expect(await storedMessages(server, first.conversation.id)).toBe(5);
  });

  it('counts a visitor’s messages across their sockets (tabs)', async () => {
    const server = await start({ RATE_LIMIT_MESSAGES_PER_VISITOR: '3/1m' });
    const tab = await visitor(server);
    const { token } = await call<{ token: string }>(tab, 'session:resume', { conversationId: null, lastSeq: 0 });
    const otherTab = await visitor(server, token);
    expect((await send(tab, 'one')).ok).toBe(true);
    expect((await send(otherTab, 'two')).ok).toBe(true);
    expect((await send(tab, 'three')).ok).toBe(true);
    expectLimited(await send(otherTab, 'four'));
  });

  it('does not let fresh visitor tokens flood the queue from one address', async () => {
    const server = await start({ RATE_LIMIT_CONVERSATIONS_PER_ADDRESS: '3/10m' });
    const visitors = await Promise.all(Array.from({ length: 6 }, () => visitor(server)));
    const acks = await Promise.all(visitors.map((socket, i) => send(socket, `question ${i}`)));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(3);
    for (const ack of acks.filter((a) => !a.ok)) expectLimited(ack);
    expect((await server.server.store.reports.waiting()).count).toBe(3);
    // a visitor already chatting goes on: only new conversations are counted
    const chatting = visitors[acks.findIndex((ack) => ack.ok)];
    if (!chatting) throw new Error('no visitor got through');
    expect((await send(chatting, 'a follow-up')).ok).toBe(true);
    // an offline message starts a conversation too
    const offline = await callRaw(visitors[acks.findIndex((ack) => !ack.ok)] ?? chatting, 'offline:message', {
      clientMessageId: clientId(),
      email: 'someone@example.com',
      body: 'call me back',
    });
    expectLimited(offline);
  });

  it('limits page views and the other chatty events per visitor', async () => {
    const server = await start({ RATE_LIMIT_EVENTS_PER_VISITOR: '10/1m' });
    const socket = await visitor(server);
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        callRaw(socket, 'page:view', { url: `https://shop.example/page-${i}`, title: `Page ${i}` }),
      ),
    );
    expect(acks.filter((ack) => ack.ok)).toHaveLength(10);
    for (const ack of acks.filter((a) => !a.ok)) expectLimited(ack);
    // messages have their own budget
    expect((await send(socket, 'still here')).ok).toBe(true);
  });

  it('refuses connections over the cap from one address, with when to come back', async () => {
    const server = await start({ RATE_LIMIT_SOCKETS_PER_ADDRESS: '3' });
    await Promise.all([visitor(server), visitor(server), visitor(server)]);
    const refused = await rejected(connectVisitor(server.url, { siteKey: server.siteKey, origin: server.origin }));
    expect(refused).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
  });

  it('limits handshakes per address, on the console’s namespace too', async () => {
    const server = await start({ RATE_LIMIT_HANDSHAKES_PER_ADDRESS: '3/1m' });
    await visitor(server);
    await visitor(server);
    await visitor(server);
    expect((await rejected(connectVisitor(server.url, { siteKey: server.siteKey, origin: server.origin }))).code).toBe(
      'rate_limited',
    );
    expect((await rejected(connectAgent(server.url, undefined))).code).toBe('rate_limited');
  });
});
