/**
 * External bots end to end (issue 22): the demo site's bot is a receiver the test started; the test
 * answers for the bot through /api/v1 with the token registration gave it. Every event reaches the bot
 * signed with its secret; its replies reach the visitor's widget stream as the bot's; its handoff
 * queues the conversation for an agent who sees the exchange; its resolution closes it, counted as
 * resolved by the bot; a dead bot and a slow one hand off (bot_failure, timeout). On SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentSyncResult, Conversation, ConversationSummary, Message, SendResult } from '@parley/shared';
import { BotReportResponseSchema } from '@parley/shared';
import { call, clientId, disconnectAll, nextEvent } from '../support/clients.ts';
import { agentOnline } from '../support/workflow.ts';
import { answerQuickReply, statusIs, visitorOnline } from './bot-fixtures.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from '../support/postgres.ts';
import {
  botEvents,
  externalBotWorld,
  typesOf,
  type ExternalBotWorld,
  type WorldOptions,
} from './external-bot-fixtures.ts';

let world: ExternalBotWorld | undefined;
let database: TempDatabase | undefined;
afterEach(async () => {
  disconnectAll();
  await world?.t.close();
  await world?.receiver.close();
  await database?.drop();
  world = undefined;
  database = undefined;
});

async function visitorAsks(w: ExternalBotWorld, body: string) {
  const visitor = await visitorOnline(w.t);
  const sent = await call<SendResult>(visitor, 'message:send', { clientMessageId: clientId(), body });
  return { visitor, conversation: sent.conversation };
}

const leftTheBot = (socket: Parameters<typeof statusIs>[0]) =>
  nextEvent<Conversation>(socket, 'conversation:updated', (c) => c.status !== 'bot');

function suite(newWorld: (options?: WorldOptions) => Promise<ExternalBotWorld>) {
  it('gets the conversation signed, answers as itself with quick replies, hears the choice, and resolves', async () => {
    world = await newWorld();
    const w = world;
    const { visitor, conversation } = await visitorAsks(w, 'Where is my order?');
    expect(conversation.status).toBe('bot');

    const [started] = await botEvents(w);
    expect(started).toMatchObject({
      type: 'bot.conversation.started',
      siteId: w.siteId,
      data: {
        conversation: { id: conversation.id, status: 'bot' },
        visitor: { id: conversation.visitorId },
        message: { body: 'Where is my order?', author: { kind: 'visitor' } },
      },
    });
    expect(w.receiver.received[0]?.headers['parley-event-type']).toBe('bot.conversation.started');
    // the visitor waits for the bot from now: the handoff timeout's clock runs
    expect((await w.t.server.store.bots.find(conversation.id))?.waitingSince).toEqual(expect.any(String));

    const shown = nextEvent<Message>(visitor, 'message:new', (m) => m.author.kind === 'bot');
    const offer = {
      type: 'quick_replies',
      options: [
        { id: 'track', label: 'Track it' },
        { id: 'human', label: 'A person' },
      ],
    };
    const sent = await w.bot('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      as: 'bot',
      body: 'I can help with that. What would you like?',
      content: offer,
    });
    expect(sent.status).toBe(201);
    const message = await shown;
    expect(message).toMatchObject({
      author: { kind: 'bot', name: 'Robo' },
      body: 'I can help with that. What would you like?',
      content: offer,
    });
    expect((await w.t.server.store.bots.find(conversation.id))?.waitingSince).toBeNull();

    await answerQuickReply(visitor, message, 'track');
    const events = await botEvents(w);
    expect(typesOf(events)).toEqual(['bot.conversation.started', 'bot.message.created']);
    expect(events[1]?.data).toMatchObject({
      message: { author: { kind: 'visitor' }, content: { type: 'quick_reply_choice', optionId: 'track' } },
    });

    const closed = statusIs(visitor, 'closed');
    const resolved = await w.bot('POST', `/api/v1/conversations/${conversation.id}/resolve`, {});
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ conversation: { status: 'closed', closedBy: 'bot' } });
    expect(await closed).toMatchObject({ closedBy: 'bot' });
    expect(typesOf(await botEvents(w)).at(-1)).toBe('bot.conversation.closed');
    // and once it is over, the bot may do nothing more with it
    const late = await w.bot('POST', `/api/v1/conversations/${conversation.id}/messages`, { as: 'bot', body: 'Hi?' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'conflict', message: expect.any(String) } });

    const day = new Date(w.clock.now).toISOString().slice(0, 10);
    const report = await w.admin('GET', `/api/admin/reports/bot?from=${day}&to=${day}&siteId=${w.siteId}&timeZone=UTC`);
    const { botReport } = BotReportResponseSchema.parse(report.body);
    expect(botReport).toMatchObject({ handled: 1, resolved: 1, containmentRate: 1, handedOff: 0 });
    expect(botReport.byMode.external).toMatchObject({ handled: 1, resolved: 1, containmentRate: 1 });
    expect(botReport.byMode.builtin).toMatchObject({ handled: 0, resolved: 0 });
    // the last 24 hours end now, and this test's clock has stood still since the conversation started
    w.clock.now += 1000;
    const metrics = await (await fetch(`${w.t.url}/metrics`)).text();
    expect(metrics).toContain('parley_bot_conversations_last_day_by_mode{mode="external",outcome="resolved"} 1');
    expect(metrics).toContain('parley_bot_conversations_last_day_by_mode{mode="builtin",outcome="resolved"} 0');
  });

  it('hands off through REST: an agent gets the conversation with the bot exchange, and the bot is told', async () => {
    world = await newWorld();
    const w = world;
    const ann = await agentOnline(w.t, 'Ann');
    const { visitor, conversation } = await visitorAsks(w, 'I want to talk to a human');
    await botEvents(w);
    await w.bot('POST', `/api/v1/conversations/${conversation.id}/messages`, { as: 'bot', body: 'One moment.' });
    // nothing is queued while the bot holds it
    expect((await call<AgentSyncResult>(ann.socket, 'agent:sync', {})).queue).toEqual([]);

    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    const active = statusIs(visitor, 'active');
    const handedOff = await w.bot('POST', `/api/v1/conversations/${conversation.id}/handoff`, {
      reason: 'asked_for_person',
    });
    expect(handedOff.status).toBe(200);
    expect((await assigned).id).toBe(conversation.id);
    await active;
    const history = await call<{ messages: Message[] }>(ann.socket, 'conversation:history', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(history.messages.map((m) => m.author.kind)).toEqual(['visitor', 'bot', 'bot', 'system']);
    expect(history.messages[1]).toMatchObject({ body: 'One moment.', author: { name: 'Robo' } });
    expect(await w.t.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: 'asked_for_person' });

    const events = await botEvents(w);
    expect(typesOf(events)).toEqual(['bot.conversation.started', 'bot.conversation.handed_off']);
    // as it was when it left the bot: queued, then routing gave it to Ann
    expect(events[1]?.data).toMatchObject({ reason: 'asked_for_person', conversation: { status: 'queued' } });
    // the agent has it now: the bot's token cannot write, read or hand it off any more
    for (const [method, path, body] of [
      ['POST', 'messages', { as: 'bot', body: 'Still here' }],
      ['GET', 'messages', undefined],
      ['POST', 'handoff', {}],
      ['POST', 'resolve', {}],
    ] as const) {
      const res = await w.bot(method, `/api/v1/conversations/${conversation.id}/${path}`, body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: 'conflict' } });
    }
  });

  it('tells the bot when the visitor asks for a person', async () => {
    world = await newWorld();
    const w = world;
    await agentOnline(w.t, 'Ann');
    const { visitor, conversation } = await visitorAsks(w, 'Hello?');
    const left = leftTheBot(visitor);
    await call(visitor, 'bot:handoff', { conversationId: conversation.id });
    await left;
    const events = await botEvents(w);
    expect(typesOf(events)).toEqual(['bot.conversation.started', 'bot.conversation.handed_off']);
    expect(events[1]?.data).toMatchObject({ reason: 'asked_for_person' });
  });

  it('hands off at once (bot_failure) when the bot refuses the connection or answers an error', async () => {
    world = await newWorld();
    const w = world;
    await agentOnline(w.t, 'Ann');
    w.receiver.answer = { status: 503 };
    const first = await visitorAsks(w, 'Anyone there?');
    const firstLeft = leftTheBot(first.visitor);
    expect(await w.t.server.webhookTick()).toMatchObject({ retrying: 1 });
    expect(await firstLeft).toMatchObject({ id: first.conversation.id, status: 'queued' });
    expect(await w.t.server.store.bots.find(first.conversation.id)).toMatchObject({ handoffReason: 'bot_failure' });

    // a bot that is not there at all: the connection is refused
    await w.receiver.close();
    const second = await visitorAsks(w, 'Hello?');
    const secondLeft = leftTheBot(second.visitor);
    await w.t.server.webhookTick();
    await secondLeft;
    expect(await w.t.server.store.bots.find(second.conversation.id)).toMatchObject({ handoffReason: 'bot_failure' });
  });

  it('hands off after the handoff timeout when the bot takes the message but never answers', async () => {
    world = await newWorld({ handoffTimeoutSeconds: 5 });
    const w = world;
    await agentOnline(w.t, 'Ann');
    const { visitor, conversation } = await visitorAsks(w, 'Are you slow?');
    expect(await w.t.server.webhookTick()).toMatchObject({ delivered: 1 });
    expect(await w.t.server.sweepBotTimeouts()).toBe(0);
    w.clock.now += 6000;
    const left = leftTheBot(visitor);
    // this sweep, or the one on the timer just before it: whichever comes first hands it off
    await w.t.server.sweepBotTimeouts();
    await left;
    expect(await w.t.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: 'timeout' });
    expect(typesOf(await botEvents(w)).at(-1)).toBe('bot.conversation.handed_off');
  });
}

describe('external bot on SQLite', () => {
  suite((options) => externalBotWorld(options));
});

describe.runIf(postgresAdminUrl)('external bot on PostgreSQL', () => {
  suite(async (options) => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    return externalBotWorld({ ...options, databaseUrl: database.url });
  });
});
