/**
 * Property: whatever a client throws at any event of either namespace, the server answers with a
 * well-formed ack (an `ok` result or a known error code, never `internal`), keeps serving everyone
 * else, and loses nothing of the conversations it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ErrorCode,
  agentClientEvents,
  agentTicketClientEvents,
  agentVisitorClientEvents,
  visitorClientEvents,
  type Ack,
  type Message,
  type SendResult,
  type SessionResumeResult,
} from '@parley/shared';
import { io, type Socket } from 'socket.io-client';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, disconnectAll, nextEvent, signInAgent } from './support/clients.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  disconnectAll();
  await t.close();
});

const knownCodes = new Set<string>(Object.values(ErrorCode));

/** Payloads that are wrong in every way we can think of, and some that are almost right. */
const hostilePayload = fc.oneof(
  fc.anything({ withBigInt: false, withTypedArray: true, maxDepth: 3 }),
  fc.record(
    {
      conversationId: fc.oneof(
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.string({ minLength: 65, maxLength: 200 }),
      ),
      clientMessageId: fc.oneof(fc.string(), fc.uuid(), fc.constant('../../etc'), fc.integer()),
      body: fc.oneof(
        fc.string(),
        fc.constant('   '),
        fc.string({ minLength: 5001, maxLength: 6000 }),
        fc.integer(),
        fc.constant({}),
      ),
      seq: fc.oneof(fc.integer(), fc.double(), fc.constant(-1), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
      lastSeq: fc.oneof(fc.integer(), fc.double(), fc.string()),
      afterSeq: fc.oneof(fc.integer(), fc.string()),
      // proactive:event, message:send's proactive, visitor:invite
      origin: fc.oneof(
        fc.record({
          kind: fc.constantFrom('rule', 'invite', 'other'),
          ruleId: fc.oneof(fc.string(), fc.integer()),
          inviteId: fc.string(),
        }),
        fc.anything({ maxDepth: 1 }),
      ),
      proactive: fc.oneof(
        fc.record({ kind: fc.constantFrom('rule', 'invite'), ruleId: fc.string(), inviteId: fc.string() }),
        fc.string(),
      ),
      event: fc.oneof(fc.constantFrom('fired', 'shown', 'opened', 'dismissed', 'replied'), fc.string(), fc.integer()),
      visitorId: fc.oneof(fc.string(), fc.constant('vis_missing'), fc.integer()),
      message: fc.oneof(fc.string(), fc.constant('  '), fc.string({ minLength: 1001, maxLength: 1100 })),
    },
    { requiredKeys: [] },
  ),
);

function expectWellFormed(res: Ack<unknown>): void {
  if (res.ok) return;
  expect(knownCodes.has(res.error.code)).toBe(true);
  expect(res.error.code).not.toBe(ErrorCode.Internal);
  expect(typeof res.error.message).toBe('string');
}

async function barrage(socket: Socket, events: string[]): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...events), hostilePayload, async (event, payload) => {
      const res = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<unknown>;
      expectWellFormed(res);
    }),
    { numRuns: 300 },
  );
  // Events sent with no ack at all, and with odd argument lists, must not hurt either.
  for (const event of events) {
    socket.emit(event);
    socket.emit(event, 'a', 'b', 'c');
  }
}

describe('malformed payloads', () => {
  it('get clear errors on every event and leave everything else intact', async () => {
    // A bystander conversation that must come through untouched.
    const bystander = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(bystander);
    await call(bystander, 'session:resume', { conversationId: null, lastSeq: 0 });
    const { conversation } = await call<SendResult>(bystander, 'message:send', {
      clientMessageId: clientId(),
      body: 'keep me',
    });
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    await call(agent, 'message:send', { conversationId: conversation.id, clientMessageId: clientId(), body: 'and me' });

    const fuzzVisitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(fuzzVisitor);
    await barrage(fuzzVisitor, Object.keys(visitorClientEvents));
    await barrage(agent, [
      ...Object.keys(agentClientEvents),
      ...Object.keys(agentTicketClientEvents),
      ...Object.keys(agentVisitorClientEvents),
    ]);

    // The server still serves: the bystander and the agent go on talking.
    const delivered = nextEvent<Message>(agent, 'message:new', (m) => m.body === 'still here');
    await call(bystander, 'message:send', { clientMessageId: clientId(), body: 'still here' });
    await delivered;
    const resumed = await call<SessionResumeResult>(bystander, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.conversation?.id).toBe(conversation.id);
    expect(resumed.messages.map((m) => m.body)).toEqual(['keep me', 'and me', 'still here']);
  });

  it('rejects hostile handshakes: a known code for objects, a closed transport for anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 2 }), async (auth) => {
        const plainObject =
          typeof auth === 'object' && auth !== null && !Array.isArray(auth) && !(auth instanceof Date);
        const socket = io(`${t.url}/visitor`, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          autoConnect: false,
          extraHeaders: { origin: t.origin },
          auth: (typeof auth === 'object' && auth !== null ? auth : { siteKey: auth }) as Record<string, unknown>,
        });
        // Socket.IO's own parser refuses a CONNECT whose auth is not a plain object and closes the
        // transport before any middleware runs; every object reaches ours and gets a coded error.
        const outcome = new Promise<{ code: string } | 'closed' | 'connected'>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('disconnect', () => resolve('closed'));
          socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data ?? 'closed'));
        });
        socket.connect();
        const result = await outcome;
        socket.disconnect();
        expect(result).not.toBe('connected');
        if (plainObject || typeof auth !== 'object' || auth === null) {
          expect(result).not.toBe('closed');
          if (typeof result === 'object') expect(knownCodes.has(result.code)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    // And the server still takes a proper visitor afterwards.
    const fine = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(fine);
  });
});
