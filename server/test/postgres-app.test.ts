/**
 * The whole app on PostgreSQL: the same chat flow and restart durability as on SQLite.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, Conversation, ConversationSummary, Message, SendResult, SessionResumeResult } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';
import type { Logger } from '../src/logger.ts';
import {
  call,
  callRaw,
  clientId,
  connectVisitor,
  connected,
  disconnectAll,
  nextEvent,
  signInAgent,
} from './support/clients.ts';
import { agentOnline, setDemoRouting, visitorWrites } from './support/workflow.ts';

describe.runIf(postgresAdminUrl)('app on postgres', () => {
  let t: TestServer | undefined;
  let database: TempDatabase | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
    await database?.drop();
  });

  it('chats and keeps everything across a restart', async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    t = await startTestServer({ databaseUrl: database.url });
    expect(t.server.store.engine).toBe('postgres');
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    const session = await call<SessionResumeResult>(v, 'session:resume', { conversationId: null, lastSeq: 0 });
    const { conversation } = await call<SendResult>(v, 'message:send', {
      clientMessageId: clientId(),
      body: 'hello pg',
    });
    // the agent gets the chat once their connection is in: the visitor hears when, so no race
    const taken = nextEvent<Conversation>(v, 'conversation:updated', (c) => c.status === 'active');
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'agent:sync', {});
    await taken;
    const reply = nextEvent<Message>(v, 'message:new', (m) => m.author.kind === 'agent');
    await call(agent, 'message:send', {
      conversationId: conversation.id,
      clientMessageId: clientId(),
      body: 'hello visitor',
    });
    await reply;

    disconnectAll();
    await t.restart();
    const back = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin, token: session.token });
    await connected(back);
    const resumed = await call<SessionResumeResult>(back, 'session:resume', {
      conversationId: conversation.id,
      lastSeq: 0,
    });
    expect(resumed.messages.map((m) => m.body)).toEqual(['hello pg', 'hello visitor']);
    expect(resumed.conversation?.status).toBe('active');
  });

  it('keeps serving when PostgreSQL drops its idle connections', async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    // The pool reports each lost idle connection as a warning: that is the event to wait for.
    let lost = 0;
    let expected = Number.POSITIVE_INFINITY;
    let allLost = (): void => undefined;
    const poolNoticed = new Promise<void>((resolve) => (allLost = resolve));
    const quiet = () => undefined;
    const logger: Logger = {
      debug: quiet,
      info: quiet,
      error: quiet,
      warn: (msg: string) => {
        if (msg.startsWith('idle database connection lost') && ++lost >= expected) allLost();
      },
      child: () => logger,
    };
    t = await startTestServer({ databaseUrl: database.url, logger });
    const v = connectVisitor(t.url, { siteKey: t.siteKey, origin: t.origin });
    await connected(v);
    await call<SessionResumeResult>(v, 'session:resume', { conversationId: null, lastSeq: 0 });

    // What a PostgreSQL restart or an admin's pg_terminate_backend does to the pool's idle connections.
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ ended: boolean }>(
        'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [new URL(database.url).pathname.slice(1)],
      );
      expect(rows.length).toBeGreaterThan(0);
      expected = rows.length;
      if (lost >= expected) allLost();
    } finally {
      await admin.end();
    }
    await poolNoticed;

    const sent = await call<SendResult>(v, 'message:send', { clientMessageId: clientId(), body: 'still here' });
    expect(sent.message.seq).toBe(1);
  });

  it('gives a conversation to exactly one of two agents accepting it at once, and keeps notes off the visitor', async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    t = await startTestServer({ databaseUrl: database.url });
    await setDemoRouting(t, 'manual');
    const ann = await agentOnline(t, 'Ann');
    const bob = await agentOnline(t, 'Bob');
    const visitor = await visitorWrites(t, 'race me');
    const results: Array<Ack<ConversationSummary>> = await Promise.all(
      [ann, bob].map((a) =>
        callRaw<ConversationSummary>(a.socket, 'conversation:accept', { conversationId: visitor.conversation.id }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const winner = results[0]?.ok ? ann : bob;
    await call(winner.socket, 'note:add', {
      conversationId: visitor.conversation.id,
      clientNoteId: clientId(),
      body: 'pg secret note',
    });
    const resumed = await call<SessionResumeResult>(visitor.socket, 'session:resume', {
      conversationId: null,
      lastSeq: 0,
    });
    expect(JSON.stringify(resumed)).not.toContain('pg secret note');
    expect((await t.server.store.notes.listFor(visitor.conversation.id)).map((n) => n.body)).toEqual([
      'pg secret note',
    ]);
  });
});
