/**
 * A backup taken with `parley backup` while visitors keep sending (real socket.io clients, each
 * send acked) restores, with `parley restore`, to a database holding every message acked before the
 * backup began; and restore refuses while the server has the database open.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendResult, SessionResumeResult } from '@parley/shared';
import { runParley } from './support/cli.ts';
import { makeDataDir, startTestServer, type TestServer } from './support/test-server.ts';
import { call, clientId, connectVisitor, connected, disconnectAll, type VisitorSocket } from './support/clients.ts';

const VISITORS = 6;
/** Bodies of the messages that fill the database first: several of the backup's 1024-page steps. */
const FILLER = 'x'.repeat(4000);
const FILLER_PER_VISITOR = 400;

interface Acked {
  conversationId: string;
  clientMessageId: string;
}

let t: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await t?.close();
  t = undefined;
});

async function visitor(server: TestServer): Promise<VisitorSocket> {
  const socket = connectVisitor(server.url, { siteKey: server.siteKey, origin: server.origin });
  await connected(socket);
  await call<SessionResumeResult>(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  return socket;
}

const send = async (socket: VisitorSocket, body: string): Promise<Acked> => {
  const { message } = await call<SendResult>(socket, 'message:send', { clientMessageId: clientId(), body });
  return { conversationId: message.conversationId, clientMessageId: message.clientMessageId ?? '' };
};

describe('backup under write load', () => {
  it('restores to a database with every message acked before the backup began', async () => {
    const dataDir = makeDataDir();
    const env = { PARLEY_DATA_DIR: dataDir };
    // the visitors send as fast as acks come back: no rate limit may refuse them
    const serverEnv = { RATE_LIMITS: 'off' };
    t = await startTestServer({ dataDir, env: serverEnv });
    const server = t;
    const sockets = await Promise.all(Array.from({ length: VISITORS }, () => visitor(server)));
    await Promise.all(
      sockets.map(async (socket) => {
        for (let i = 0; i < FILLER_PER_VISITOR; i++) await send(socket, FILLER);
      }),
    );

    const ackedBefore: Acked[] = [];
    let phase: 'before' | 'during' | 'after' = 'before';
    let ackedDuring = 0;
    let sent = 0;
    const load = sockets.map(async (socket) => {
      while (phase !== 'after') {
        const acked = await send(socket, `load ${++sent}`);
        // the ack came back before the backup was started: the message was committed before it too
        if (phase === 'before') ackedBefore.push(acked);
        else ackedDuring++;
      }
    });
    // the load is under way before the backup starts
    await expect.poll(() => ackedBefore.length).toBeGreaterThan(50);
    const file = path.join(makeDataDir(), 'under-load.db');
    phase = 'during';
    const backup = await runParley(['backup', file], { env });
    phase = 'after';
    await Promise.all(load);
    expect(backup.code, backup.stderr).toBe(0);
    expect(ackedDuring).toBeGreaterThan(0);

    // while the server has the database open, restore refuses and changes nothing
    const refused = await runParley(['restore', file], { env });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('in use by a running Parley');
    const stillServing = await send(sockets[0] ?? (await visitor(server)), 'after the refused restore');
    expect(
      await server.server.store.messages.findByClientId(stillServing.conversationId, stillServing.clientMessageId),
    ).toBeDefined();

    disconnectAll();
    await server.close();
    t = undefined;
    const restored = await runParley(['restore', file], { env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('parley.db.before-restore-');

    t = await startTestServer({ dataDir, env: serverEnv });
    const { messages } = t.server.store;
    const missing: Acked[] = [];
    for (const acked of ackedBefore) {
      if (!(await messages.findByClientId(acked.conversationId, acked.clientMessageId))) missing.push(acked);
    }
    expect(missing).toEqual([]);
    // the message sent after the backup is not in it: this is the backup's database, not the old one
    expect(await messages.findByClientId(stillServing.conversationId, stillServing.clientMessageId)).toBeUndefined();
  }, 300_000);
});
