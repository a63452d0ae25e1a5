/**
 * Every admin endpoint checks the role on the server: an agent calling them directly is refused
 * with 403 forbidden, nobody signed in gets 401, and a foreign page cannot post with an admin's cookie.
 */
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { restAs, signedInRest } from './support/rest.ts';

const t = useTestServer();

/** Every admin route, with a body that would be valid for an admin. */
const ADMIN_CALLS: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', '/api/admin/agents'],
  [
    'POST',
    '/api/admin/agents',
    { name: 'Eve', email: 'eve@example.com', role: 'admin', capacity: 2, password: 'long enough pw' },
  ],
  ['PATCH', '/api/admin/agents/AGENT', { role: 'admin' }],
  ['POST', '/api/admin/agents/AGENT/deactivate'],
  ['POST', '/api/admin/agents/AGENT/reactivate'],
  ['POST', '/api/admin/agents/AGENT/password', { password: 'another long one' }],
  ['GET', '/api/admin/sites'],
  ['POST', '/api/admin/sites', { name: 'Mine', allowedOrigins: ['https://mine.example'] }],
  ['PATCH', '/api/admin/sites/SITE', { allowedOrigins: ['https://evil.example'] }],
  ['POST', '/api/admin/sites/SITE/identity-secret'],
  ['GET', '/api/admin/canned-responses'],
  ['POST', '/api/admin/canned-responses', { shortcut: 'hi', body: 'Hello' }],
  ['PATCH', '/api/admin/canned-responses/CANNED', { shortcut: 'hi', body: 'Hello' }],
  ['DELETE', '/api/admin/canned-responses/CANNED'],
];

describe('admin endpoints', () => {
  it('refuse an agent with 403 forbidden and change nothing', async () => {
    const agent = await t.createAgent({ name: 'Mallory' });
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const shared = await admin('POST', '/api/admin/canned-responses', { shortcut: 'hi', body: 'Hello' });
    const cannedId = (shared.body as { cannedResponse: { id: string } }).cannedResponse.id;
    const site = await t.server.store.sites.findByKey(t.siteKey);
    const before = { agents: await t.server.store.agents.list(), site };

    const asAgent = await signedInRest(t.url, agent.email, agent.password);
    for (const [method, path, body] of ADMIN_CALLS) {
      const concrete = path
        .replace('AGENT', agent.id)
        .replace('SITE', site?.id ?? '')
        .replace('CANNED', cannedId);
      const res = await asAgent(method, concrete, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      const error = ErrorBodySchema.parse(res.body).error;
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/admin/i);
    }
    expect(await t.server.store.agents.list()).toEqual(before.agents);
    expect(await t.server.store.sites.findByKey(t.siteKey)).toEqual(before.site);
    expect((await t.server.store.cannedResponses.findById(cannedId))?.body).toBe('Hello');
  });

  it('refuse anyone not signed in with 401', async () => {
    const anonymous = restAs(t.url, undefined);
    for (const [method, path, body] of ADMIN_CALLS) {
      const res = await anonymous(method, path, body);
      expect(res.status).toBe(401);
      expect(ErrorBodySchema.parse(res.body).error.code).toBe('unauthorized');
    }
    expect((await anonymous('GET', '/api/canned-responses')).status).toBe(401);
  });

  it('refuse a changing request from a page of another origin, even with an admin’s cookie', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const body = { name: 'Eve', email: 'eve@example.com', role: 'admin', capacity: 2, password: 'long enough pw' };
    const foreign = await admin('POST', '/api/admin/agents', body, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(ErrorBodySchema.parse(foreign.body).error.code).toBe('forbidden');
    expect(await t.server.store.agents.findByEmail('eve@example.com')).toBeUndefined();
    const own = await admin('POST', '/api/admin/agents', body, { origin: t.origin });
    expect(own.status).toBe(201);
  });
});
