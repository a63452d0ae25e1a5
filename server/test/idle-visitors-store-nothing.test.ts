/**
 * A connection that never does anything stores no visitor: token-less sockets that only handshake
 * (with a time zone) and resume leave no row behind. The first thing a visitor does (a page view,
 * a message, an identify) creates the row, with the handshake's time zone, and the token the
 * widget was given at the start stays the visitor's.
 */
import { describe, expect, it } from 'vitest';
import type { SessionResumeResult } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected } from './support/clients.ts';

const t = useTestServer();

async function idleVisitor() {
  const socket = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, timeZone: 'Europe/Berlin' });
  await connected(socket);
  const session = await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return { socket, session };
}

describe('visitor rows', () => {
  it('are not stored for connections that only handshake and resume', async () => {
    const idle = await Promise.all(Array.from({ length: 12 }, () => idleVisitor()));
    // one more round trip each: a write the connection started has had its turn
    for (const { socket } of idle) await call(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
    for (const { session } of idle) expect(await t.server.store.visitors.findById(session.visitorId)).toBeUndefined();
  });

  it('appear with the first page view, carrying the handshake’s time zone, under the token given at the start', async () => {
    const { socket, session } = await idleVisitor();
    await call(socket, 'page:view', { url: 'https://shop.example/', title: 'Home' });
    const stored = await t.server.store.visitors.findById(session.visitorId);
    expect(stored).toMatchObject({ id: session.visitorId, timeZone: 'Europe/Berlin' });

    const again = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: session.token });
    await connected(again);
    const resumed = await call<SessionResumeResult>(again, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed).toMatchObject({ visitorId: session.visitorId, token: session.token });
  });

  it('appear with the first message or identify too', async () => {
    const first = await idleVisitor();
    await call(first.socket, 'message:send', { clientMessageId: clientId(), body: 'hello' });
    expect(await t.server.store.visitors.findById(first.session.visitorId)).toMatchObject({
      timeZone: 'Europe/Berlin',
    });
    const second = await idleVisitor();
    await call(second.socket, 'visitor:identify', { name: 'Ada' });
    expect(await t.server.store.visitors.findById(second.session.visitorId)).toMatchObject({
      name: 'Ada',
      timeZone: 'Europe/Berlin',
    });
  });
});
