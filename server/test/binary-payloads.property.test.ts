/**
 * Property: a binary payload (Buffer, ArrayBuffer, typed array, or an object carrying one) is
 * refused with invalid_payload on every event of both namespaces. Socket.IO hands binary to the
 * server as a Buffer, which a schema of optional fields would otherwise read as `{}`: an empty
 * `visitor:identify` accepted from bytes.
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
} from '@parley/shared';
import type { Socket } from 'socket.io-client';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { connectVisitor, connected, disconnectAll, signInAgent } from './support/clients.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  disconnectAll();
  await t.close();
});

const bytes = fc.uint8Array({ maxLength: 64 });
const binaryPayload = fc.oneof(
  bytes.map((b) => Buffer.from(b)),
  bytes,
  bytes.map((b) => b.slice().buffer),
  // binary tucked into an otherwise plausible payload
  fc.record({ conversationId: fc.constant('conv_x'), name: bytes.map((b) => Buffer.from(b)) }),
  fc.record({ attributes: fc.record({ plan: bytes.map((b) => Buffer.from(b)) }) }),
);

async function allRefused(socket: Socket, events: string[]): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...events), binaryPayload, async (event, payload) => {
      const res = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<unknown>;
      expect(res).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidPayload } });
    }),
    { numRuns: 200 },
  );
}

describe('binary payloads', () => {
  it('visitor:identify refuses bytes instead of reading them as an empty identity', async () => {
    const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(visitor);
    // untyped: the typed socket would not let a test send bytes
    const raw: Socket = visitor;
    const res = (await raw.timeout(10_000).emitWithAck('visitor:identify', Buffer.from('{}'))) as Ack<unknown>;
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('are refused on every event of the visitor and agent namespaces', async () => {
    const visitor = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(visitor);
    await allRefused(visitor, Object.keys(visitorClientEvents));
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await allRefused(agent, [
      ...Object.keys(agentClientEvents),
      ...Object.keys(agentTicketClientEvents),
      ...Object.keys(agentVisitorClientEvents),
    ]);
  });
});
