/**
 * The growing answer across processes (issue 22): two Parley processes on one PostgreSQL database,
 * joined by Redis. The visitor asks in a tab connected to one; their other tab, connected to the
 * other process, sees the answer grow too (`message:stream` goes to the visitor's room through the
 * socket adapter, like every push) and then the stored answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BotStream, Message, SessionResumeResult } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from '../support/postgres.ts';
import { redisAvailable, redisTestUrl } from '../support/redis.ts';
import { call, clientId, connectVisitor, connected, disconnectAll, nextEvent } from '../support/clients.ts';
import { startScriptedLlm, type ScriptedLlm } from '../support/scripted-llm.ts';
import { botSite } from './bot-fixtures.ts';

describe.runIf(postgresAdminUrl && redisAvailable)('the growing answer with two servers', () => {
  let servers: TestServer[] = [];
  let llm: ScriptedLlm | undefined;
  let database: TempDatabase | undefined;
  afterEach(async () => {
    disconnectAll();
    for (const server of servers) await server.close();
    servers = [];
    await llm?.close();
    await database?.drop();
  });

  it('reaches the visitor’s tab on the other process', async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    llm = await startScriptedLlm();
    const env = {
      REDIS_URL: redisTestUrl ?? '',
      PARLEY_SECRET: 'a-secret-both-servers-share-0123456789',
      LLM_BASE_URL: llm.baseUrl,
      LLM_MODEL: 'scripted-model',
    };
    const a = await startTestServer({ databaseUrl: database.url, env });
    const b = await startTestServer({ databaseUrl: database.url, env });
    servers = [a, b];
    await Promise.all([a.server.scaleReady(), b.server.scaleReady()]);
    await botSite(a);

    const here = connectVisitor(a.url, { siteKey: a.siteKey, origin: a.origin });
    await connected(here);
    const { token } = await call<SessionResumeResult>(here, 'session:resume', { conversationId: null, lastSeq: 0 });
    // the other tab: the same visitor, on the other process (the site allows a's origin)
    const there = connectVisitor(b.url, { siteKey: a.siteKey, origin: a.origin, token });
    await connected(there);
    await call<SessionResumeResult>(there, 'session:resume', { conversationId: null, lastSeq: 0 });

    llm.script({ stream: ['Refunds are possible ', 'within 30 days [1].'], gapMs: 150 });
    const streamed = nextEvent<BotStream>(there, 'message:stream');
    const answer = nextEvent<Message>(there, 'message:new', (m) => m.author.kind === 'bot');
    await call(here, 'message:send', { clientMessageId: clientId(), body: 'How do I get a refund?' });
    expect((await streamed).text).toBe('Refunds are possible');
    expect((await answer).body).toBe('Refunds are possible within 30 days [1].');
  });
});
