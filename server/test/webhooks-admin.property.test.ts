/**
 * Property: whatever an admin's browser sends to the webhook endpoints, the answer is a success the
 * shared schemas accept or a well-formed 4xx error with a known code (never `internal`), no secret
 * leaks into a listing, and every stored endpoint stays one the sender can use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookup } from 'node:dns/promises';
import fc from 'fast-check';
import {
  ErrorBodySchema,
  ErrorCode,
  WEBHOOK_EVENT_TYPES,
  WebhookListResponseSchema,
  WebhookResponseSchema,
  WebhookWithSecretResponseSchema,
} from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { restAs, signedInRest, type Rest } from './support/rest.ts';

let t: TestServer;
let admin: Rest;
let siteId: string;
beforeAll(async () => {
  t = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
  admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  siteId = (await t.server.store.sites.findDemo())?.id ?? '';
});
afterAll(async () => {
  await t.close();
});

const knownCodes = new Set<string>(Object.values(ErrorCode));

// addresses and localhost only: a random host name would send the test to real DNS
const url = fc.oneof(
  fc.ipV4().map((ip) => `http://${ip}/hook`),
  fc.ipV6().map((ip) => `https://[${ip}]:8443/`),
  fc.constantFrom(
    'http://127.0.0.1:9/in',
    'http://localhost:9/in',
    'ftp://127.0.0.1/',
    'javascript:alert(1)',
    ' http://127.0.0.1/ ',
    `http://127.0.0.1/${'x'.repeat(2100)}`,
  ),
  fc.string(),
  fc.integer(),
);
const events = fc.oneof(
  fc.subarray([...WEBHOOK_EVENT_TYPES]),
  fc.array(fc.oneof(fc.constantFrom(...WEBHOOK_EVENT_TYPES), fc.string()), { maxLength: 15 }),
  fc.anything({ maxDepth: 1 }),
);
const body = fc.oneof(
  fc.record({ url, events, enabled: fc.oneof(fc.boolean(), fc.string()) }, { requiredKeys: [] }),
  fc.record({ url, events, extra: fc.anything({ maxDepth: 1 }) }, { requiredKeys: ['url', 'events'] }),
  fc.anything({ maxDepth: 2 }),
  fc.string(),
);

function expectWellFormed(status: number, answer: unknown): void {
  if (status >= 400) {
    expect(status).toBeLessThan(500);
    expect(knownCodes.has(ErrorBodySchema.parse(answer).error.code)).toBe(true);
  }
}

describe('webhook endpoints under malformed input', () => {
  it('answer well-formed and store only usable endpoints', async () => {
    await fc.assert(
      fc.asyncProperty(body, body, fc.constantFrom('real', 'unknown'), async (create, update, which) => {
        const base = `/api/admin/sites/${siteId}/webhooks`;
        const created = await admin('POST', base, create);
        expectWellFormed(created.status, created.body);
        let endpointId = 'whk_unknown';
        if (created.status === 201) endpointId = WebhookWithSecretResponseSchema.parse(created.body).endpoint.id;
        const path = `${base}/${which === 'real' ? endpointId : 'whk_unknown'}`;
        const updated = await admin('PATCH', path, update);
        expectWellFormed(updated.status, updated.body);
        if (updated.status === 200) WebhookResponseSchema.parse(updated.body);
        for (const suffix of ['/deliveries', '/test', '/rotate-secret', '/deliveries/whd_x/redeliver']) {
          const res = await admin(suffix === '/deliveries' ? 'GET' : 'POST', `${path}${suffix}`);
          expectWellFormed(res.status, res.body);
        }
      }),
      { numRuns: 120 },
    );
    const listed = await admin('GET', `/api/admin/sites/${siteId}/webhooks`);
    const { endpoints } = WebhookListResponseSchema.parse(listed.body);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    for (const endpoint of endpoints) {
      // localhost passes only because it resolves to the allowed 127.0.0.1 (as it does on these machines)
      expect(new URL(endpoint.url).hostname).toMatch(/^(127\.0\.0\.1|localhost|\[[0-9a-f:]+\]|[0-9.]+)$/);
      expect(endpoint.events.length).toBeGreaterThan(0);
      expect(endpoint.events.every((e) => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e))).toBe(true);
    }
    // only public or allowed addresses were accepted: a name, only when each of its addresses is
    const stored = await t.server.store.webhooks.listEndpoints(siteId);
    const loopbackOnly = (await lookup('localhost', { all: true })).every((a) => a.address === '127.0.0.1');
    for (const endpoint of stored) {
      expect(endpoint.url).not.toMatch(/^http:\/\/(10\.|192\.168\.)/);
      if (new URL(endpoint.url).hostname === 'localhost') expect(loopbackOnly).toBe(true);
    }
  });

  it('refuses agents (403) and anyone signed out (401) on every webhook route', async () => {
    const agent = await t.createAgent({ name: 'Mallory' });
    const asAgent = await signedInRest(t.url, agent.email, agent.password);
    const signedOut = restAs(t.url, undefined);
    const created = await admin('POST', `/api/admin/sites/${siteId}/webhooks`, {
      url: 'http://127.0.0.1:9/in',
      events: ['message.created'],
    });
    const { endpoint } = WebhookWithSecretResponseSchema.parse(created.body);
    const base = `/api/admin/sites/${siteId}/webhooks`;
    const calls: Array<[string, string, unknown?]> = [
      ['GET', base],
      ['POST', base, { url: 'https://example.com/', events: ['message.created'] }],
      ['PATCH', `${base}/${endpoint.id}`, { url: 'https://example.com/' }],
      ['DELETE', `${base}/${endpoint.id}`],
      ['POST', `${base}/${endpoint.id}/rotate-secret`],
      ['GET', `${base}/${endpoint.id}/deliveries`],
      ['POST', `${base}/${endpoint.id}/deliveries/whd_x/redeliver`],
      ['POST', `${base}/${endpoint.id}/test`],
    ];
    for (const [method, path, body] of calls) {
      expect({ path, status: (await asAgent(method, path, body)).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await signedOut(method, path, body)).status }).toEqual({ path, status: 401 });
    }
    expect(await t.server.store.webhooks.findEndpoint(endpoint.id)).toMatchObject({ url: 'http://127.0.0.1:9/in' });
  });

  it('answers not_found for another site or an unknown endpoint', async () => {
    const res = await admin('GET', `/api/admin/sites/site_nope/webhooks`);
    expect(res.status).toBe(404);
    const patch = await admin('PATCH', `/api/admin/sites/site_nope/webhooks/whk_nope`, { enabled: false });
    expect(patch.status).toBe(404);
  });
});
