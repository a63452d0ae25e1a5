/**
 * The answer bot's report with exact counts (issue 22), on SQLite and PostgreSQL: three conversations
 * the bot started (one resolved and rated, one handed off on "No", one on "Talk to a person") and an
 * agent's rated one give containment, escalation by reason, time to handoff, CSAT on both sides and
 * the articles used, as JSON, as CSV and in /metrics.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '@parley/shared';
import { BotReportResponseSchema } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call, disconnectAll, login } from '../support/clients.ts';
import { agentOnline } from '../support/workflow.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from '../support/postgres.ts';
import { answerQuickReply, ask, botSite, statusIs, visitorOnline } from './bot-fixtures.ts';

function suite(start: () => Promise<TestServer>) {
  it('counts what the bot resolved and handed off, and why, exactly', async () => {
    const t = await start();
    const { admin, siteId } = await botSite(t);
    const agent = await agentOnline(t, 'Ann', 5);

    const resolvedBy = await visitorOnline(t);
    const first = await ask(resolvedBy, 'How do I get a refund?');
    const closed = statusIs(resolvedBy, 'closed');
    await answerQuickReply(resolvedBy, first.replies[1] as Message, 'yes');
    await closed;
    await call(resolvedBy, 'conversation:rate', { conversationId: first.conversation.id, rating: 5 });

    const saidNo = await visitorOnline(t);
    const second = await ask(saidNo, 'refund my order');
    const taken = statusIs(saidNo, 'active');
    await answerQuickReply(saidNo, second.replies[1] as Message, 'no');
    await taken;
    // the agent resolves it and the visitor rates it 3
    const ended = statusIs(saidNo, 'closed');
    await call(agent.socket, 'conversation:close', { conversationId: second.conversation.id });
    await ended;
    await call(saidNo, 'conversation:rate', { conversationId: second.conversation.id, rating: 3 });

    const asked = await visitorOnline(t);
    const third = await ask(asked, 'refund');
    await call<Conversation>(asked, 'bot:handoff', { conversationId: third.conversation.id });

    const today = new Date().toISOString().slice(0, 10);
    const query = `from=${today}&to=${today}&siteId=${siteId}&timeZone=UTC`;
    const res = await admin('GET', `/api/admin/reports/bot?${query}`);
    expect(res.status).toBe(200);
    const report = BotReportResponseSchema.parse(res.body).botReport;
    expect(report).toMatchObject({
      handled: 3,
      resolved: 1,
      handedOff: 2,
      open: 0,
      handedOffBy: { asked_for_person: 1, no_answer: 1, bot_failure: 0, timeout: 0 },
      csat: { botResolved: { rated: 1, average: 5 }, agentResolved: { rated: 1, average: 3 } },
      articles: [{ title: 'Refund policy', offered: 3, resolved: 1 }],
    });
    expect(report.containmentRate).toBeCloseTo(1 / 3);
    expect(report.escalationRate).toBeCloseTo(2 / 3);
    expect(report.medianSecondsToHandoff).toBeGreaterThanOrEqual(0);
    // all three were the built-in bot's; none an external bot's
    expect(report.byMode.builtin).toMatchObject({ handled: 3, resolved: 1, handedOff: 2 });
    expect(report.byMode.external).toEqual({
      handled: 0,
      resolved: 0,
      containmentRate: null,
      handedOff: 0,
      escalationRate: null,
    });

    const csv = await fetch(`${t.url}/api/admin/reports/bot.csv?${query}`, {
      headers: { cookie: await login(t.url, 'admin@example.com', 'correct horse battery staple') },
    });
    const [header, row] = (await csv.text()).trim().split('\r\n');
    expect(header).toContain('handled,resolved_by_bot,containment_rate,handed_off');
    expect(row).toContain(',3,1,0.3333,2,0.6667,1,1,0,0,0,');
    expect(header).toMatch(/,builtin_handled,builtin_containment_rate,builtin_escalation_rate,external_handled,/);
    expect(row).toMatch(/,3,0\.3333,0\.6667,0,,$/);

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('parley_bot_conversations_last_day{outcome="resolved",reason=""} 1');
    expect(metrics).toContain('parley_bot_conversations_last_day{outcome="handed_off",reason="no_answer"} 1');
    expect(metrics).toContain('parley_bot_conversations_last_day{outcome="handed_off",reason="asked_for_person"} 1');
  });
}

describe('answer bot report on SQLite', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
  });
  suite(async () => (t = await startTestServer()));
});

describe.runIf(postgresAdminUrl)('answer bot report on PostgreSQL', () => {
  let t: TestServer | undefined;
  let database: TempDatabase | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
    await database?.drop();
  });
  suite(async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    return (t = await startTestServer({ databaseUrl: database.url }));
  });
});
