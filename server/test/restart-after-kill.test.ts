/**
 * Killing the server (SIGKILL, no goodbye) and starting it again loses no acked message: the record
 * is on disk before the ack leaves, and clients catch up from their last seq after the restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, makeDataDir } from './support/test-server.ts';
import { spawnServer, type ServerProcess } from './support/server-process.ts';
import { call, clientId, connectVisitor, connected, disconnectAll, signInAgent } from './support/clients.ts';

let running: ServerProcess | undefined;
afterEach(async () => {
  disconnectAll();
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
});

describe('restart after kill', () => {
  it('keeps every acked message, the assignment and the visitor identity', async () => {
    const env = {
      PARLEY_DATA_DIR: makeDataDir(),
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    };
    running = await spawnServer(env);
    const siteKey = await demoSiteKey(running.url);
    const origin = new URL(running.url).origin;

    const v = connectVisitor(running.url, { siteKey, origin });
    await connected(v);
    const session = await call<SessionResumeResult>(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    const first = await call<SendResult>(v, 'message:send', {
      clientMessageId: clientId(),
      body: 'before the crash 1',
    });
    const agent = await signInAgent(running.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    await call(agent, 'message:send', {
      conversationId: first.conversation.id,
      clientMessageId: clientId(),
      body: 'agent reply',
    });
    const last = await call<SendResult>(v, 'message:send', { clientMessageId: clientId(), body: 'before the crash 2' });
    expect(last.message.seq).toBe(3);

    running.child.kill('SIGKILL');
    await running.exited;
    disconnectAll();

    running = await spawnServer(env);
    const newOrigin = new URL(running.url).origin;
    const back = connectVisitor(running.url, { siteKey, origin: newOrigin, token: session.token });
    await connected(back);
    const resumed = await call<SessionResumeResult>(back, 'session:resume', { conversationId: null, lastSeq: 0 });
    expect(resumed.visitorId).toBe(session.visitorId);
    expect(resumed.messages.map((m) => [m.seq, m.body])).toEqual([
      [1, 'before the crash 1'],
      [2, 'agent reply'],
      [3, 'before the crash 2'],
    ]);

    // The retry of a send whose ack was lost in the crash is recognised, not stored again.
    const retried = await call<SendResult>(back, 'message:send', {
      clientMessageId: last.message.clientMessageId,
      body: 'before the crash 2',
    });
    expect(retried.message.seq).toBe(3);

    const agentBack = await signInAgent(running.url, ADMIN.email, ADMIN.password);
    const sync = await call<{ conversations: ConversationSummary[] }>(agentBack, 'agent:sync', {});
    expect(sync.conversations.map((c) => c.id)).toEqual([first.conversation.id]);
    const history = await call<{ messages: Message[] }>(agentBack, 'conversation:history', {
      conversationId: first.conversation.id,
      afterSeq: 0,
    });
    expect(history.messages).toHaveLength(3);
    // two cold starts of a real process: on a loaded two-core machine each can take tens of seconds
  }, 120_000);
});

async function demoSiteKey(url: string): Promise<string> {
  const html = await (await fetch(`${url}/`)).text();
  const match = /data-site-key="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no site key on the demo page');
  return match[1];
}
