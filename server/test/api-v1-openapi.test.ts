/**
 * The OpenAPI document of /api/v1 (issue 21): it validates against the OpenAPI 3.1 schema, it
 * lists every route the server registers under /api/v1, every operation's answers match the
 * schemas it states (a scenario calls each one), and the reference page renders it.
 */
import { describe, expect, it } from 'vitest';
import type { Router } from 'express';
import { Validator } from '@seriousme/openapi-schema-validator';
import { allApiV1Routes, type ConversationSummary } from '@parley/shared';
import { useTestServer } from './support/test-server.ts';
import { nextEvent } from './support/clients.ts';
import { agentOnline, setDemoRouting, visitorWrites } from './support/workflow.ts';
import { apiWith } from './support/api-v1.ts';
import { OpenApiCheck } from './support/openapi-check.ts';
import { signedInRest } from './support/rest.ts';
import { ADMIN } from './support/test-server.ts';
import { apiV1Router } from '../src/http/api-v1/api-v1-router.ts';
import { openApiPath } from '../src/http/api-v1/openapi-document.ts';
import type { ApiV1RouterDeps } from '../src/http/api-v1/api-v1-router.ts';

const t = useTestServer();

async function servedDocument(): Promise<Record<string, unknown>> {
  const res = await fetch(`${t.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method + path registered on an express router, nested routers included. */
function registered(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { path, methods } = layer.route;
      return Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`);
    }
    return layer.handle?.stack ? registered(layer.handle.stack) : [];
  });
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await servedDocument();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the server registers under /api/v1', async () => {
    const document = await servedDocument();
    const paths = document.paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // the routes are registered when the router is built; no handler runs here, so no deps are used
    const unused: object = new Proxy(() => undefined, { get: () => unused });
    const router = apiV1Router(unused as ApiV1RouterDeps) as Router & { stack: Layer[] };
    const served = registered(router.stack)
      .filter((route) => route.includes(' /api/v1/'))
      .filter((route) => !/\/api\/v1\/(openapi\.json|reference(\.css)?)$/.test(route))
      .map((route) => {
        const [method = '', path = ''] = route.split(' ');
        return `${method} ${openApiPath(path)}`;
      });
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
    expect(documented.length).toBe(allApiV1Routes.length);
  });

  it('every operation answers what the document says', async () => {
    const check = new OpenApiCheck(await servedDocument());
    const ann = await agentOnline(t, 'Ann');
    const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
    const visitor = await visitorWrites(t, 'Where is my order?');
    await assigned;
    // online only now: the first chat must go to Ann
    const bob = await agentOnline(t, 'Bob');
    const api = check.wrap(await apiWith(t, ['read', 'write', 'admin']));
    const id = visitor.conversation.id;
    const { siteId, visitorId } = visitor.conversation;

    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const article = await admin('POST', `/api/admin/sites/${siteId}/help/articles`, {
      locale: 'en',
      title: 'Shipping times',
      body: 'Orders ship within **two days**.',
    });
    const articleId = (article.body as { article: { id: string } }).article.id;

    await api('GET', '/api/v1/conversations?status=active&limit=5');
    await api('GET', `/api/v1/conversations/${id}`);
    await api('POST', `/api/v1/conversations/${id}/messages`, { body: 'Today.' }, { 'Idempotency-Key': 'k1' });
    await api('GET', `/api/v1/conversations/${id}/messages`);
    await api('POST', `/api/v1/conversations/${id}/transfer`, { toAgentId: bob.id });
    await api('POST', `/api/v1/conversations/${id}/close`, {});
    await api('POST', `/api/v1/conversations/${id}/reopen`, {});
    await api('POST', `/api/v1/conversations/${id}/ticket`, { email: 'pat@example.com' });
    await api('GET', '/api/v1/tickets');
    await api('GET', `/api/v1/tickets/${id}`);
    await api('POST', `/api/v1/tickets/${id}/status`, { status: 'pending' });

    // a second chat, waiting for an agent to take it (manual routing), assigned by hand
    await setDemoRouting(t, 'manual');
    const waiting = await visitorWrites(t, 'Second question');
    await api('POST', `/api/v1/conversations/${waiting.conversation.id}/assign`, { agentId: ann.id });
    // a bot's handoff and resolution, on conversations the built-in bot holds (refused on any other)
    await api('POST', `/api/v1/conversations/${waiting.conversation.id}/resolve`, {});
    await admin('POST', `/api/admin/sites/${siteId}/help/articles/${articleId}/publish`);
    await admin('PATCH', `/api/admin/sites/${siteId}/bot`, { mode: 'builtin', matchThreshold: 0 });
    for (const action of ['handoff', 'resolve']) {
      const withBot = await visitorWrites(t, 'Shipping times?');
      await api('POST', `/api/v1/conversations/${withBot.conversation.id}/${action}`, {});
    }
    await admin('PATCH', `/api/admin/sites/${siteId}/bot`, { mode: 'off' });
    await api('PUT', `/api/v1/agents/${bob.id}/status`, { status: 'away' });
    await api('GET', '/api/v1/agents');

    await api('GET', `/api/v1/visitors/${visitorId}`);
    await api('PATCH', `/api/v1/visitors/${visitorId}`, { attributes: { plan: 'pro' } });
    await api('POST', `/api/v1/visitors/${visitorId}/identify`, { userId: 'u-1', email: 'pat@example.com' });

    await api('GET', '/api/v1/sites');
    await api('GET', `/api/v1/sites/${siteId}`);
    await api('PATCH', `/api/v1/sites/${siteId}`, { greeting: 'Hello from the API' });
    await api('GET', '/api/v1/reports?from=2026-01-01&to=2026-01-31');
    await api('GET', `/api/v1/sites/${siteId}/help/articles`);
    await api('GET', `/api/v1/sites/${siteId}/help/articles/${articleId}`);

    // and the refusals carry the documented error body
    await api('GET', '/api/v1/conversations/conv_missing');
    await api('POST', `/api/v1/conversations/${id}/messages`, { body: '' });

    expect(check.operationIds.filter((op) => !check.answered.has(op))).toEqual([]);
    // the check itself bites: an answer off its schema, or an undocumented path, fails
    expect(() => check.check('GET', `/api/v1/conversations/${id}`, 200, { conversation: { id: 1 } })).toThrow(
      /does not match its schema/,
    );
    expect(() => check.check('GET', '/api/v1/undocumented', 200, {})).toThrow(/not in the OpenAPI document/);
  });

  it('renders a readable reference page with no script and no foreign origin', async () => {
    const res = await fetch(`${t.url}/api/v1/reference`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Parley REST API</h1>');
    for (const route of allApiV1Routes) {
      expect(html).toContain(openApiPath(route.path));
    }
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${t.url}/api/v1/reference.css`)).headers.get('content-type')).toMatch(/text\/css/);
  });
});
