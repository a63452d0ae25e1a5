/**
 * The example external bot (examples/external-bot/bot.mjs) as a developer runs it: a child process on
 * port 0 with the secret and token its registration gave, against a real Parley with its webhook
 * sender running. It answers a visitor's question with quick replies, hands off when asked for a
 * person (an agent gets the exchange), resolves when told it helped, and refuses forged or replayed
 * deliveries.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, SendResult } from '@parley/shared';
import { ExternalBotRegisteredResponseSchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { call, clientId, disconnectAll, nextEvent } from '../support/clients.ts';
import { signedInRest } from '../support/rest.ts';
import { agentOnline } from '../support/workflow.ts';
import { answerQuickReply, demoSiteId, statusIs, visitorOnline } from './bot-fixtures.ts';
import { startExampleBot, type ExampleBot } from './example-bot-process.ts';

let t: TestServer | undefined;
let bot: ExampleBot | undefined;
afterEach(async () => {
  disconnectAll();
  await bot?.stop();
  await t?.close();
});

function signed(secret: string, body: string, timestamp: number): Record<string, string> {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'content-type': 'application/json', 'parley-signature': `t=${timestamp},v1=${v1}` };
}

describe('the example external bot', () => {
  it('answers with quick replies, hands off on "a person", resolves on "it helped", and refuses forgeries', async () => {
    t = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_WORKER_INTERVAL_MS: '50' } });
    const server = t;
    const admin = await signedInRest(server.url, ADMIN.email, ADMIN.password);
    const siteId = await demoSiteId(server);
    const base = `/api/admin/sites/${siteId}/bot/external`;
    // as a developer does it: register, start the bot with what was shown once, then point Parley at it
    const registered = await admin('PUT', base, { url: 'http://127.0.0.1:9/not-yet' });
    const { credentials } = ExternalBotRegisteredResponseSchema.parse(registered.body);
    if (!credentials) throw new Error('no credentials');
    bot = await startExampleBot({
      PARLEY_URL: server.url,
      PARLEY_BOT_SECRET: credentials.secret,
      PARLEY_BOT_TOKEN: credentials.token,
    });
    const botUrl = bot.url;
    expect((await admin('PUT', base, { url: botUrl })).status).toBe(200);
    expect((await admin('PATCH', `/api/admin/sites/${siteId}/bot`, { mode: 'external' })).status).toBe(200);
    const ann = await agentOnline(server, 'Ann');

    // a question from the FAQ: answered, with quick replies
    const visitor = await visitorOnline(server);
    const answered = nextEvent<Message>(visitor, 'message:new', (m) => m.author.kind === 'bot');
    await call<SendResult>(visitor, 'message:send', { clientMessageId: clientId(), body: 'When are you open?' });
    const answer = await answered;
    expect(answer.body).toContain('9:00–17:00');
    expect(answer.content).toMatchObject({ type: 'quick_replies', options: [{ id: 'done' }, { id: 'human' }] });

    // "Talk to a person": the bot hands off, and Ann gets the whole exchange
    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    await answerQuickReply(visitor, answer, 'human');
    const conversation = await assigned;
    const history = await call<{ messages: Message[] }>(ann.socket, 'conversation:history', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(history.messages.map((m) => m.author.kind)).toEqual(['visitor', 'bot', 'visitor', 'bot', 'system']);
    expect(await server.server.store.bots.find(conversation.id)).toMatchObject({ handoffReason: 'asked_for_person' });

    // another visitor, another question: "That helps" ends it resolved by the bot
    const second = await visitorOnline(server);
    const offered = nextEvent<Message>(second, 'message:new', (m) => m.author.kind === 'bot');
    await call<SendResult>(second, 'message:send', { clientMessageId: clientId(), body: 'Where is my parcel?' });
    const shipping = await offered;
    expect(shipping.body).toContain('two working days');
    const closed = statusIs(second, 'closed');
    await answerQuickReply(second, shipping, 'done');
    expect(await closed).toMatchObject({ closedBy: 'bot' });

    // the bot checks what reaches it: a wrong secret, or a delivery signed ten minutes ago, is refused
    const body = JSON.stringify({ id: 'evt_forged', type: 'bot.message.created', data: {} });
    const now = Math.floor(Date.now() / 1000);
    const forged = await fetch(botUrl, { method: 'POST', headers: signed('whsec_wrong', body, now), body });
    expect(forged.status).toBe(401);
    const replayed = await fetch(botUrl, {
      method: 'POST',
      headers: signed(credentials.secret, body, now - 600),
      body,
    });
    expect(replayed.status).toBe(401);
  });
});
