/**
 * The built-in answer bot over real sockets, on SQLite and PostgreSQL: a site with its bot on answers
 * a question from a published article (excerpt, article card, "Did that answer your question?"),
 * keeps the conversation out of the queue, ends it resolved on "Yes", and hands it to an agent with
 * the whole exchange on "No", on a weak match, on "Talk to a person" and after a timeout; with nobody
 * online the handoff takes the offline path. Admins read and change the settings over REST.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentSyncResult, Conversation, ConversationSummary, Message } from '@parley/shared';
import { BotSettingsResponseSchema, DEFAULT_BOT_SETTINGS } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { call, callRaw, clientId, disconnectAll, nextEvent, signInAgent } from '../support/clients.ts';
import { signedInRest } from '../support/rest.ts';
import { agentOnline } from '../support/workflow.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from '../support/postgres.ts';
import { answerQuickReply, ask, botSite, demoSiteId, statusIs, visitorOnline } from './bot-fixtures.ts';

function suite(start: (options?: { now?: () => Date }) => Promise<TestServer>) {
  it('answers from the article, stays out of the queue, and ends resolved by the bot on "Yes"', async () => {
    const t = await start();
    await botSite(t);
    const agent = await agentOnline(t, 'Ann');
    const visitor = await visitorOnline(t);

    const { conversation, replies } = await ask(visitor, 'How do I get a refund for my order?');
    expect(conversation.status).toBe('bot');
    const [answer, question] = replies;
    expect(answer).toMatchObject({
      author: { kind: 'bot', name: DEFAULT_BOT_SETTINGS.name },
      content: { type: 'articles', articles: [{ title: 'Refund policy' }] },
    });
    expect(answer?.body).toContain('Money back within 30 days');
    const link = answer?.content?.type === 'articles' ? answer.content.articles[0]?.url : '';
    expect(link).toBe(`${t.url}/help/${t.siteKey}/en/articles/refund-policy`);
    expect(question).toMatchObject({
      body: 'Did that answer your question?',
      content: { type: 'quick_replies', options: [{ id: 'yes' }, { id: 'no' }] },
    });
    // not queued: the agent is offered nothing
    const sync = await call<AgentSyncResult>(agent.socket, 'agent:sync', {});
    expect(sync.queue).toEqual([]);
    expect(sync.conversations).toEqual([]);

    const closed = statusIs(visitor, 'closed');
    await answerQuickReply(visitor, question as Message, 'yes');
    expect(await closed).toMatchObject({ id: conversation.id, closedBy: 'bot' });
    const record = await t.server.store.bots.find(conversation.id);
    expect(record).toMatchObject({ resolvedAt: expect.any(String), handoffReason: null });
    expect(record?.articles.map((a) => a.title)).toEqual(['Refund policy']);
  });

  it('hands off on "No": the agent gets the conversation with the bot exchange, marked as the bot\'s', async () => {
    const t = await start();
    await botSite(t);
    const agent = await agentOnline(t, 'Ann');
    const visitor = await visitorOnline(t);
    const { conversation, replies } = await ask(visitor, 'Can I get a refund?');

    const assigned = nextEvent<ConversationSummary>(agent.socket, 'conversation:assigned');
    const active = statusIs(visitor, 'active');
    await answerQuickReply(visitor, replies[1] as Message, 'no');
    expect((await assigned).id).toBe(conversation.id);
    await active;
    const history = await call<{ messages: Message[] }>(agent.socket, 'conversation:history', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(history.messages.map((m) => m.author.kind)).toEqual(['visitor', 'bot', 'bot', 'visitor', 'bot', 'system']);
    expect(history.messages.at(-1)?.body).toBe(
      'Answer bot handed the conversation to the team: the bot had no answer.',
    );
    expect(await t.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: 'no_answer' });
  });

  it('hands off at once when no article matches well enough, and queues while agents are busy', async () => {
    const t = await start();
    await botSite(t, { matchThreshold: 0.9 });
    const visitor = await visitorOnline(t);
    const agent = await signInAgent(t.url, 'admin@example.com', 'correct horse battery staple');
    await call(agent, 'agent:status', { status: 'away' });
    await call(agent, 'agent:sync', {});
    const queued = statusIs(visitor, 'queued');
    // "refund" matches, "shipping" and "warehouse" do not: a third of the words
    await call(visitor, 'message:send', { clientMessageId: clientId(), body: 'refund shipping warehouse' });
    const conversation = await queued;
    const record = await t.server.store.bots.find(conversation.id);
    expect(record).toMatchObject({ handoffReason: 'no_answer', articles: [] });
  });

  it('"Talk to a person" hands off at once; a stranger cannot hand off someone else\'s conversation', async () => {
    const t = await start();
    await botSite(t);
    await agentOnline(t, 'Ann');
    const visitor = await visitorOnline(t);
    const { conversation } = await ask(visitor, 'refund please');
    const stranger = await visitorOnline(t);
    const refused = await callRaw(stranger, 'bot:handoff', { conversationId: conversation.id });
    expect(refused.ok || refused.error.code).toBe('not_found');

    const handed = await call<Conversation>(visitor, 'bot:handoff', { conversationId: conversation.id });
    expect(handed.status).toBe('active');
    expect(await t.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: 'asked_for_person' });
    // asked again: answered with the conversation as it is, nothing else happens
    const again = await call<Conversation>(visitor, 'bot:handoff', { conversationId: conversation.id });
    expect(again).toMatchObject({ id: conversation.id, status: 'active' });
  });

  it('hands off a visitor left waiting longer than the handoff timeout', async () => {
    let clock = Date.now();
    const t = await start({ now: () => new Date(clock) });
    await botSite(t, { handoffTimeoutSeconds: 20 });
    await agentOnline(t, 'Ann');
    const visitor = await visitorOnline(t);
    const { conversation } = await ask(visitor, 'refund');
    // the bot's own answer is written (its message waits no longer); then, as if it had not answered
    await expect.poll(async () => (await t.server.store.bots.find(conversation.id))?.waitingSince).toBeNull();
    await t.server.store.bots.setWaiting(conversation.id, new Date(clock).toISOString());
    expect((await t.server.store.bots.find(conversation.id))?.waitingSince).toBe(new Date(clock).toISOString());
    clock += 10_000;
    expect(await t.server.sweepBotTimeouts()).toBe(0);
    expect(await t.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: null });
    clock += 15_000;
    const active = statusIs(visitor, 'active');
    // this pass or the timer's own (every 2 s, on the same clock) hands it off, once
    await t.server.sweepBotTimeouts();
    await active;
    expect(await t.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: 'timeout' });
  });

  it('with nobody online the handoff takes the offline path: a ticket with an email, else a request for one', async () => {
    const t = await start();
    await botSite(t);
    const withEmail = await visitorOnline(t);
    await call(withEmail, 'visitor:identify', { email: 'lin@example.com' });
    const { conversation } = await ask(withEmail, 'refund');
    const moved = statusIs(withEmail, 'offline');
    await call(withEmail, 'bot:handoff', { conversationId: conversation.id });
    expect((await moved).id).toBe(conversation.id);
    expect(await t.server.store.tickets.findByConversation(conversation.id)).toMatchObject({
      source: 'offline',
      email: 'lin@example.com',
    });

    const anonymous = await visitorOnline(t);
    const second = await ask(anonymous, 'refund');
    const overdue = nextEvent<{ conversationId: string }>(anonymous, 'queue:overdue');
    await call(anonymous, 'bot:handoff', { conversationId: second.conversation.id });
    expect(await overdue).toEqual({ conversationId: second.conversation.id });
  });

  it('lets admins read and change the settings; agents may not; the bot off queues as before', async () => {
    const t = await start();
    const siteId = await demoSiteId(t);
    const admin = await signedInRest(t.url, 'admin@example.com', 'correct horse battery staple');
    const read = await admin('GET', `/api/admin/sites/${siteId}/bot`);
    expect(BotSettingsResponseSchema.parse(read.body).bot).toEqual(DEFAULT_BOT_SETTINGS);
    const changed = await admin('PATCH', `/api/admin/sites/${siteId}/bot`, {
      mode: 'builtin',
      matchThreshold: 0.7,
      wording: { yes: 'Yep' },
    });
    expect(BotSettingsResponseSchema.parse(changed.body).bot).toMatchObject({
      mode: 'builtin',
      matchThreshold: 0.7,
      wording: { ...DEFAULT_BOT_SETTINGS.wording, yes: 'Yep' },
    });
    const wrong = await admin('PATCH', `/api/admin/sites/${siteId}/bot`, { matchThreshold: 2, mode: 'robot' });
    expect(wrong.status).toBe(400);
    expect((await admin('GET', '/api/admin/sites/nope/bot')).status).toBe(404);
    const ann = await t.createAgent({ name: 'Ann' });
    const asAgent = await signedInRest(t.url, ann.email, ann.password);
    expect((await asAgent('PATCH', `/api/admin/sites/${siteId}/bot`, { mode: 'off' })).status).toBe(403);

    await admin('PATCH', `/api/admin/sites/${siteId}/bot`, { mode: 'off' });
    const visitor = await visitorOnline(t);
    const sent = await call<{ conversation: Conversation }>(visitor, 'message:send', {
      clientMessageId: clientId(),
      body: 'refund',
    });
    expect(sent.conversation.status).toBe('queued');
  });
}

describe('answer bot on SQLite', () => {
  let t: TestServer | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
  });
  suite(async (options) => (t = await startTestServer(options)));
});

describe.runIf(postgresAdminUrl)('answer bot on PostgreSQL', () => {
  let t: TestServer | undefined;
  let database: TempDatabase | undefined;
  afterEach(async () => {
    disconnectAll();
    await t?.close();
    await database?.drop();
  });
  suite(async (options) => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    return (t = await startTestServer({ ...options, databaseUrl: database.url }));
  });
});
