/**
 * External bots' registration and what their token may do (issue 22): the secret and token are
 * answered once (and again only by a rotation, which stops the old token), external mode needs a
 * registered bot, unregistering stops the token and turns the mode off. The bot's token reaches only
 * the conversations its bot holds on its site: another site's, one no bot held, the console's admin
 * routes and every other API route answer 401/403/404 with the one error body. Malformed
 * registrations (fast-check) answer a well-formed 4xx and register nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ErrorBodySchema,
  ErrorCode,
  ExternalBotRegisteredResponseSchema,
  ExternalBotResponseSchema,
  type SendResult,
  type SiteAdminView,
} from '@parley/shared';
import { ADMIN, startTestServer } from '../support/test-server.ts';
import { call, clientId, connectVisitor, connected, disconnectAll } from '../support/clients.ts';
import { signedInRest } from '../support/rest.ts';
import { apiAs } from '../support/api-v1.ts';
import { visitorWrites } from '../support/workflow.ts';
import { demoSiteId, visitorOnline } from './bot-fixtures.ts';
import { botEvents, externalBotWorld, type ExternalBotWorld } from './external-bot-fixtures.ts';

let world: ExternalBotWorld | undefined;
afterEach(async () => {
  disconnectAll();
  await world?.t.close();
  await world?.receiver.close();
  world = undefined;
});

const knownCodes = new Set<string>(Object.values(ErrorCode));
function expectError(res: { status: number; body: unknown }, status: number, code: string): void {
  expect(res.status).toBe(status);
  const { error } = ErrorBodySchema.parse(res.body);
  expect(error).toMatchObject({ code, message: expect.any(String) });
}

describe('external bot registration', () => {
  it('answers the credentials once, rotates them, and unregisters, stopping the token each time', async () => {
    world = await externalBotWorld();
    const w = world;
    const base = `/api/admin/sites/${w.siteId}/bot/external`;
    expect(w.secret).toMatch(/^whsec_/);
    expect(w.token).toMatch(/^parley_/);
    const read = ExternalBotResponseSchema.parse((await w.admin('GET', base)).body);
    expect(read.externalBot).toMatchObject({ url: w.receiver.url, secretHint: w.secret.slice(-4) });
    expect(JSON.stringify(read)).not.toContain(w.secret);
    expect(JSON.stringify(read)).not.toContain(w.token);
    // listed with the API tokens, as the bot's
    const tokens = await w.admin('GET', '/api/admin/api-tokens');
    expect(tokens.body).toMatchObject({ apiTokens: [{ id: read.externalBot?.tokenId, botSiteId: w.siteId }] });

    // a new URL keeps the credentials
    const moved = await w.admin('PUT', base, { url: `${w.receiver.url}/v2` });
    expect(ExternalBotRegisteredResponseSchema.parse(moved.body)).toMatchObject({
      externalBot: { url: `${w.receiver.url}/v2` },
      credentials: null,
    });
    expect((await w.bot('GET', '/api/v1/conversations/conv_none')).status).toBe(404);

    const rotated = ExternalBotRegisteredResponseSchema.parse((await w.admin('POST', `${base}/rotate`)).body);
    expect(rotated.credentials?.secret).not.toBe(w.secret);
    expectError(await w.bot('GET', '/api/v1/conversations/conv_none'), 401, 'unauthorized');
    const renewed = apiAs(w.t.url, rotated.credentials?.token);
    expect((await renewed('GET', '/api/v1/conversations/conv_none')).status).toBe(404);

    const gone = await w.admin('DELETE', base);
    expect(gone.body).toEqual({ externalBot: null });
    expectError(await renewed('GET', '/api/v1/conversations/conv_none'), 401, 'unauthorized');
    expect((await w.admin('GET', `/api/admin/sites/${w.siteId}/bot`)).body).toMatchObject({ bot: { mode: 'off' } });
    expect((await w.admin('GET', base)).body).toEqual({ externalBot: null });
  });

  it('refuses external mode without a bot, and a URL into the server network', async () => {
    const t = await startTestServer();
    try {
      const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
      const siteId = await demoSiteId(t);
      expectError(await admin('PATCH', `/api/admin/sites/${siteId}/bot`, { mode: 'external' }), 409, 'conflict');
      const inside = await admin('PUT', `/api/admin/sites/${siteId}/bot/external`, { url: 'http://127.0.0.1:9/bot' });
      expectError(inside, 422, 'url_not_allowed');
      expectError(await admin('POST', `/api/admin/sites/${siteId}/bot/external/rotate`), 404, 'not_found');
      expectError(await admin('GET', '/api/admin/sites/site_none/bot/external'), 404, 'not_found');
    } finally {
      await t.close();
    }
  });

  it('answers malformed registrations with a well-formed 4xx and registers nothing', async () => {
    world = await externalBotWorld();
    const w = world;
    const base = `/api/admin/sites/${w.siteId}/bot/external`;
    const url = fc.oneof(
      fc.constantFrom('ftp://127.0.0.1/', 'javascript:alert(1)', 'http://10.0.0.1/bot', `http://h/${'x'.repeat(2100)}`),
      fc.string(),
      fc.integer(),
      fc.constant(null),
    );
    const body = fc.oneof(
      fc.record({ url }),
      // an unknown field beside a good URL (undefined would vanish from the JSON: a valid request)
      fc.record({
        url: fc.constant(w.receiver.url),
        extra: fc.anything({ maxDepth: 1 }).filter((v) => v !== undefined),
      }),
      fc.anything({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await w.admin('PUT', base, payload);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(knownCodes.has(ErrorBodySchema.parse(res.body).error.code)).toBe(true);
      }),
      { numRuns: 60 },
    );
    // the registration stands as it was
    expect((await w.admin('GET', base)).body).toMatchObject({ externalBot: { url: w.receiver.url } });
    expect((await w.bot('GET', '/api/v1/conversations/conv_none')).status).toBe(404);
  });
});

describe("an external bot's token", () => {
  it('acts only on the conversations its bot holds, and on nothing else', async () => {
    world = await externalBotWorld();
    const w = world;
    // a conversation no bot holds (the site's bot was off then) and one of another site
    await w.admin('PATCH', `/api/admin/sites/${w.siteId}/bot`, { mode: 'off' });
    const human = await visitorWrites(w.t, 'For a person');
    await w.admin('PATCH', `/api/admin/sites/${w.siteId}/bot`, { mode: 'external' });
    const created = await w.admin('POST', '/api/admin/sites', { name: 'Other', allowedOrigins: [w.t.origin] });
    const other = (created.body as { site: SiteAdminView }).site;
    const stranger = connectVisitor(w.t.url, { siteKey: other.siteKey, origin: w.t.origin });
    await connected(stranger);
    await call(stranger, 'session:resume', { conversationId: null, lastSeq: 0 });
    const foreign = await call<SendResult>(stranger, 'message:send', { clientMessageId: clientId(), body: 'Hi' });

    const visitor = await visitorOnline(w.t);
    const mine = await call<SendResult>(visitor, 'message:send', { clientMessageId: clientId(), body: 'Hello bot' });
    await botEvents(w);
    const ok = await w.bot('GET', `/api/v1/conversations/${mine.conversation.id}/messages`);
    expect(ok.status).toBe(200);

    for (const id of [human.conversation.id, foreign.conversation.id, 'conv_none']) {
      expectError(await w.bot('GET', `/api/v1/conversations/${id}`), 404, 'not_found');
      const say = await w.bot('POST', `/api/v1/conversations/${id}/messages`, { as: 'bot', body: 'Hi' });
      expectError(say, 404, 'not_found');
      expectError(await w.bot('POST', `/api/v1/conversations/${id}/handoff`, {}), 404, 'not_found');
      expectError(await w.bot('POST', `/api/v1/conversations/${id}/resolve`, {}), 404, 'not_found');
    }
    // as an agent, even in its own conversation: no
    const asAgent = await w.bot('POST', `/api/v1/conversations/${mine.conversation.id}/messages`, { body: 'Hi' });
    expectError(asAgent, 403, 'forbidden');
    for (const [method, path, body] of [
      ['GET', '/api/v1/conversations', undefined],
      ['GET', '/api/v1/agents', undefined],
      ['GET', `/api/v1/sites/${w.siteId}`, undefined],
      ['PATCH', `/api/v1/sites/${w.siteId}`, { greeting: 'Owned' }],
      ['GET', `/api/v1/visitors/${mine.conversation.visitorId}`, undefined],
      ['POST', `/api/v1/conversations/${mine.conversation.id}/close`, {}],
      ['POST', `/api/v1/conversations/${human.conversation.id}/assign`, { agentId: 'agt_x' }],
    ] as const) {
      expectError(await w.bot(method, path, body), 403, 'forbidden');
    }
    // the console's admin routes know no API tokens at all
    const adminRoute = await fetch(`${w.t.url}/api/admin/sites`, { headers: { authorization: `Bearer ${w.token}` } });
    expect(adminRoute.status).toBe(401);
    expect(ErrorBodySchema.parse(await adminRoute.json()).error.code).toBe('unauthorized');
    // and its own conversation is untouched by all that
    expect((await w.t.server.store.conversations.findById(mine.conversation.id))?.status).toBe('bot');
  });
});
