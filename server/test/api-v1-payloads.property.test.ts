/**
 * Property: whatever another system sends to /api/v1 (and whatever an admin's browser sends to the
 * token page), the answer is a success the OpenAPI document describes or a well-formed 4xx error
 * with a known code, never `internal`: malformed bodies, queries, path ids and Idempotency-Keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ErrorBodySchema, ErrorCode, allApiV1Routes, type ConversationSummary } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { disconnectAll, nextEvent } from './support/clients.ts';
import { signedInRest, type Rest } from './support/rest.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';
import { apiWith, type ApiCaller } from './support/api-v1.ts';
import { OpenApiCheck } from './support/openapi-check.ts';

let t: TestServer;
let api: ApiCaller;
let admin: Rest;
let check: OpenApiCheck;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer({ env: { RATE_LIMIT_API_PER_TOKEN: '100000/1m' } });
  const ann = await agentOnline(t, 'Ann');
  const assigned = nextEvent<ConversationSummary>(ann.socket, 'conversation:assigned');
  const { conversation } = await visitorWrites(t, 'Hello');
  await assigned;
  ids.conversationId = conversation.id;
  ids.visitorId = conversation.visitorId;
  ids.siteId = conversation.siteId;
  ids.agentId = ann.id;
  ids.articleId = 'hart_missing';
  api = await apiWith(t, ['read', 'write']);
  admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  check = new OpenApiCheck((await (await fetch(`${t.url}/api/v1/openapi.json`)).json()) as Record<string, unknown>);
});
afterAll(async () => {
  disconnectAll();
  await t.close();
});

const knownCodes = new Set<string>(Object.values(ErrorCode));

const almostValid = fc.record(
  {
    body: fc.oneof(fc.string(), fc.constant('   '), fc.string({ minLength: 5001, maxLength: 5100 }), fc.integer()),
    agentId: fc.oneof(fc.constant('AGENT'), fc.string(), fc.constant(''), fc.integer()),
    toAgentId: fc.oneof(fc.constant('AGENT'), fc.string()),
    clientMessageId: fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/)),
    note: fc.oneof(fc.string(), fc.constant(null)),
    email: fc.oneof(fc.emailAddress(), fc.string()),
    userId: fc.oneof(fc.string(), fc.string({ minLength: 129, maxLength: 140 })),
    name: fc.oneof(fc.string(), fc.constant('')),
    attributes: fc.oneof(
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant({}))),
      fc.anything(),
    ),
    status: fc.constantFrom('open', 'solved', 'online', 'away', 'closed', '', 'x'),
    greeting: fc.oneof(fc.string(), fc.string({ minLength: 501, maxLength: 600 })),
    color: fc.constantFrom('#123456', 'red', ''),
    scopes: fc.oneof(fc.array(fc.constantFrom('read', 'write', 'admin', 'root')), fc.anything()),
    siteIds: fc.oneof(fc.constant(null), fc.array(fc.constantFrom('SITE', 'site_missing', '')), fc.string()),
  },
  { requiredKeys: [] },
);

const payload = fc.oneof(fc.anything({ maxDepth: 3 }), almostValid, fc.constantFrom('{not json', '[]', 'null', '"x"'));
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?limit=0', '?limit=abc', '?limit=5&limit=6', '?cursor=%E0%A4%A', '?cursor=eyJ4Ijox', '?status=nope'),
  fc.constantFrom(
    '?from=2026-01-01&to=2025-01-01',
    '?from=x&to=y',
    '?afterSeq=-1',
    '?page=99999',
    '?siteId=site_missing',
  ),
  fc.string().map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}`),
);
const idempotencyKey = fc.oneof(fc.constant(undefined), fc.string(), fc.stringMatching(/^[a-z0-9-]{1,12}$/));
const route = fc.constantFrom(...allApiV1Routes.map((r) => [r.method, r.path] as const));
const pathId = fc.oneof(fc.constant(undefined), fc.constantFrom('x'.repeat(80), 'conv_missing', '%25', '..'));

function concrete(path: string, override: string | undefined): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(override ?? ids[name] ?? 'missing'));
}

const fill = (body: unknown): unknown =>
  JSON.parse(
    JSON.stringify(body ?? null)
      .replaceAll('"AGENT"', JSON.stringify(ids.agentId))
      .replaceAll('"SITE"', JSON.stringify(ids.siteId)),
  );

function wellFormed(res: { status: number; body: unknown }): void {
  expect(res.status).not.toBe(500);
  if (res.status >= 400) {
    const error = ErrorBodySchema.parse(res.body).error;
    expect(knownCodes.has(error.code)).toBe(true);
    expect(error.code).not.toBe('internal');
  }
}

describe('malformed API requests', () => {
  it('get well-formed answers on every route', async () => {
    await fc.assert(
      fc.asyncProperty(route, payload, query, idempotencyKey, pathId, async ([method, path], body, q, key, id) => {
        const url = `${concrete(path, id)}${method === 'GET' ? q : ''}`;
        const headers: Record<string, string> = key === undefined ? {} : { 'Idempotency-Key': key };
        let sent: string | undefined;
        if (method !== 'GET') sent = typeof body === 'string' ? body : JSON.stringify(fill(body));
        const res = await api(method, url, sent, headers).catch((error: unknown) => {
          // fetch itself refuses some header values (non-ASCII keys): nothing was sent
          if (error instanceof TypeError) return undefined;
          throw error;
        });
        if (!res) return;
        wellFormed(res);
        if (res.status < 400 && id === undefined) check.check(method, url, res.status, res.body);
      }),
      { numRuns: 150 },
    );
  });

  it('token creation in the console refuses what is not a token request', async () => {
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const res = await admin(
          'POST',
          '/api/admin/api-tokens',
          typeof body === 'string' ? body : JSON.stringify(fill(body)),
        );
        wellFormed(res);
      }),
      { numRuns: 60 },
    );
  });
});
