/**
 * The chat client when the server asks it to slow down (rate_limited with retryAfterMs), over the
 * widget's own wire against a real Socket.IO server that answers the way Parley's limits do: a
 * limited message stays in the outbox, the visitor is told calmly, and it goes again, once, after
 * the wait; a limited handshake is tried again after its wait rather than given up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Server, type Socket } from 'socket.io';
import { WebSocket as NodeWebSocket } from 'ws';
import type { SessionResumeResult } from '@parley/shared';
import { ChatClient } from '../src/client/chat-client.ts';
import type { ChatState } from '../src/client/chat-state.ts';
import { conversation, visitorMessage } from './fixtures.ts';

Object.assign(globalThis, { WebSocket: NodeWebSocket });

const WAIT_MS = 400;
/** Longer than the first reconnect backoff (at most 1 s): coming back sooner would be ignoring it. */
const HANDSHAKE_WAIT_MS = 1500;
let httpServer: http.Server;
let io: Server;
let url: string;
const clients: ChatClient[] = [];
/** When each handshake and each message:send arrived, and with which client id. */
let handshakes: number[];
let sends: Array<{ at: number; clientMessageId: string; body: string }>;
/** Handshakes and sends (by body) the server refuses once, as a limit would. */
let refuseHandshakes: number;
let refuseBodies: Set<string>;

beforeEach(async () => {
  handshakes = [];
  sends = [];
  refuseHandshakes = 0;
  refuseBodies = new Set();
  httpServer = http.createServer();
  io = new Server(httpServer, { transports: ['websocket'] });
  const nsp = io.of('/visitor');
  nsp.use((_socket, next) => {
    handshakes.push(Date.now());
    if (refuseHandshakes-- <= 0) return next();
    const message = 'Too many connection attempts from this address: try again in 2 s';
    next(
      Object.assign(new Error(message), { data: { code: 'rate_limited', message, retryAfterMs: HANDSHAKE_WAIT_MS } }),
    );
  });
  nsp.on('connection', (socket: Socket) => {
    let seq = 0;
    socket.on('session:resume', (_payload: unknown, ack: (res: unknown) => void) => ack({ ok: true, data: resumed() }));
    socket.on('message:send', (payload: { clientMessageId: string; body: string }, ack: (res: unknown) => void) => {
      sends.push({ at: Date.now(), ...payload });
      if (refuseBodies.delete(payload.body)) {
        const message = 'Too many messages: try again in 1 s';
        ack({ ok: false, error: { code: 'rate_limited', message, retryAfterMs: WAIT_MS } });
        return;
      }
      seq += 1;
      const stored = visitorMessage(seq, { clientMessageId: payload.clientMessageId, body: payload.body });
      ack({ ok: true, data: { message: stored, conversation: conversation({ lastSeq: seq }) } });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

function resumed(): SessionResumeResult {
  return {
    token: 'tok-1',
    visitorId: 'v1',
    conversation: null,
    messages: [],
    queuePosition: null,
    agentsOnline: true,
    estimatedWaitSeconds: null,
    withinBusinessHours: true,
  };
}

function startClient(): ChatClient {
  const client = new ChatClient({ siteKey: 'site-a', serverUrl: url });
  clients.push(client);
  return client;
}

/** Resolves with the first state that satisfies `predicate` (now or later). */
function until(client: ChatClient, predicate: (state: ChatState) => boolean): Promise<ChatState> {
  return new Promise((resolve) => {
    if (predicate(client.getState())) return resolve(client.getState());
    const stop = client.subscribe((state) => {
      if (!predicate(state)) return;
      stop();
      resolve(state);
    });
  });
}

const bodies = (state: ChatState) => state.thread.messages.map((m) => m.body);

describe('a rate-limited widget', () => {
  it('keeps a limited message in the outbox, says so calmly, and sends it after the wait', async () => {
    const client = startClient();
    client.connect();
    await until(client, (s) => s.connection === 'online');
    refuseBodies.add('second');

    client.send('first');
    client.send('second');
    client.send('third');
    const limited = await until(client, (s) => s.notice === 'slowDown');
    // nothing lost: the limited message and the one behind it wait in the outbox, in order
    expect(limited.outbox.map((entry) => entry.body)).toEqual(['second', 'third']);

    const done = await until(client, (s) => s.outbox.length === 0);
    expect(bodies(done)).toEqual(['first', 'second', 'third']);
    expect(done.notice).toBeNull();
    const [refused, retried] = sends.filter((send) => send.body === 'second');
    if (!refused || !retried) throw new Error('the limited message was not sent again');
    // the same message (same client id, stored once), not before the server said
    expect(retried.clientMessageId).toBe(refused.clientMessageId);
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(WAIT_MS - 20);
    expect(sends.filter((send) => send.body === 'third')).toHaveLength(1);
  });

  it('comes back after a limited handshake’s wait instead of giving up', async () => {
    refuseHandshakes = 1;
    const client = startClient();
    client.connect();
    await until(client, (s) => s.connection === 'online');
    expect(handshakes).toHaveLength(2);
    const [refused = 0, accepted = 0] = handshakes;
    expect(accepted - refused).toBeGreaterThanOrEqual(HANDSHAKE_WAIT_MS - 20);
  });
});
