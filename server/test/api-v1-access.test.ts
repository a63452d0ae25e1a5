/**
 * Who may call /api/v1 (issue 21): a Bearer token is required and checked on every request; a read
 * token cannot write, a revoked one stops at once, a token limited to sites sees nothing of the
 * others, and each token has its own rate limit. Every refusal is `{ error: { code, message } }`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '@parley/shared';
import { ADMIN, startTestServer, useTestServer, type TestServer } from './support/test-server.ts';
import { disconnectAll } from './support/clients.ts';
import { signedInRest } from './support/rest.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';
import { apiAs, apiWith, createApiToken } from './support/api-v1.ts';

const t = useTestServer();

const errorCode = (body: unknown) => (body as { error: { code: string; message: string } }).error.code;

describe('API tokens', () => {
  it('refuses requests without a token, with an unknown one, and with a revoked one', async () => {
    expect(errorCode((await apiAs(t.url, undefined)('GET', '/api/v1/conversations')).body)).toBe('unauthorized');
    const bogus = await apiAs(t.url, 'parley_not-a-real-token')('GET', '/api/v1/conversations');
    expect(bogus.status).toBe(401);
    expect(bogus.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const { token, apiToken } = await createApiToken(t, { scopes: ['read'] });
    const api = apiAs(t.url, token);
    expect((await api('GET', '/api/v1/conversations')).status).toBe(200);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const listed = await admin('GET', '/api/admin/api-tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((listed.body as { apiTokens: Array<{ id: string; lastUsedAt: string | null }> }).apiTokens).toEqual([
      expect.objectContaining({ id: apiToken.id, lastUsedAt: expect.any(String) }),
    ]);
    expect((await admin('POST', `/api/admin/api-tokens/${apiToken.id}/revoke`)).status).toBe(200);
    const revoked = await api('GET', '/api/v1/conversations');
    expect(revoked.status).toBe(401);
    expect(errorCode(revoked.body)).toBe('unauthorized');
  });

  it('lets only admins manage tokens', async () => {
    const agent = await t.createAgent({ name: 'Ann' });
    const rest = await signedInRest(t.url, agent.email, agent.password);
    expect((await rest('GET', '/api/admin/api-tokens')).status).toBe(403);
    expect((await rest('POST', '/api/admin/api-tokens', { name: 'x', scopes: ['admin'] })).status).toBe(403);
  });

  it('a read token reads but cannot write; a write token cannot change sites; admin can', async () => {
    await agentOnline(t, 'Ann');
    const { conversation } = await visitorWrites(t, 'Hello?');
    const read = await apiWith(t, ['read']);
    expect((await read('GET', `/api/v1/conversations/${conversation.id}`)).status).toBe(200);
    const send = await read('POST', `/api/v1/conversations/${conversation.id}/messages`, { body: 'Hi' });
    expect(send.status).toBe(403);
    expect(send.body).toEqual({ error: { code: 'forbidden', message: 'This API token lacks the write scope' } });

    const write = await apiWith(t, ['write']);
    expect((await write('POST', `/api/v1/conversations/${conversation.id}/messages`, { body: 'Hi' })).status).toBe(201);
    const sites = (await write('GET', '/api/v1/sites')).body as { sites: Array<{ id: string }> };
    const siteId = sites.sites[0]?.id ?? '';
    expect(JSON.stringify(sites)).not.toContain('identitySecret');
    expect((await write('PATCH', `/api/v1/sites/${siteId}`, { greeting: 'Hej' })).status).toBe(403);
    const admin = await apiWith(t, ['admin']);
    const changed = await admin('PATCH', `/api/v1/sites/${siteId}`, { greeting: 'Hej' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ site: { id: siteId, greeting: 'Hej' } });
  });

  it('a token limited to a site sees nothing of another site', async () => {
    await agentOnline(t, 'Ann');
    const { conversation } = await visitorWrites(t, 'On the demo site');
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const other = await admin('POST', '/api/admin/sites', { name: 'Other', allowedOrigins: ['https://other.example'] });
    const otherId = (other.body as { site: { id: string } }).site.id;

    const limited = await apiWith(t, ['read', 'write', 'admin'], [otherId]);
    const missing = await limited('GET', `/api/v1/conversations/${conversation.id}`);
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('not_found');
    expect((await limited('POST', `/api/v1/conversations/${conversation.id}/close`, {})).status).toBe(404);
    expect((await limited('GET', `/api/v1/visitors/${conversation.visitorId}`)).status).toBe(404);
    expect((await limited('GET', `/api/v1/conversations?siteId=${conversation.siteId}`)).status).toBe(404);
    const listed = (await limited('GET', '/api/v1/conversations')).body as { conversations: Conversation[] };
    expect(listed.conversations).toEqual([]);
    const sites = (await limited('GET', '/api/v1/sites')).body as { sites: Array<{ id: string }> };
    expect(sites.sites.map((s) => s.id)).toEqual([otherId]);
    expect((await limited('PATCH', `/api/v1/sites/${conversation.siteId}`, { greeting: 'x' })).status).toBe(404);

    const demoOnly = await apiWith(t, ['read'], [conversation.siteId]);
    expect((await demoOnly('GET', `/api/v1/conversations/${conversation.id}`)).status).toBe(200);
  });
});

describe('per-token rate limit', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    disconnectAll();
    await server?.close();
  });

  it('answers 429 with Retry-After past the limit, counting each token on its own', async () => {
    server = await startTestServer({ env: { RATE_LIMIT_API_PER_TOKEN: '3/1m' } });
    const first = await apiWith(server, ['read']);
    for (let i = 0; i < 3; i++) expect((await first('GET', '/api/v1/agents')).status).toBe(200);
    const limited = await first('GET', '/api/v1/agents');
    expect(limited.status).toBe(429);
    expect(errorCode(limited.body)).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const second = await apiWith(server, ['read']);
    expect((await second('GET', '/api/v1/agents')).status).toBe(200);
  });
});
