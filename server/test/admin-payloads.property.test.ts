/**
 * Property: whatever an admin's browser sends to the admin and canned-response endpoints, the
 * answer is a success the shared schemas accept or a well-formed 4xx error with a known code
 * (never `internal`), and what is stored stays valid for the widget and the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ErrorBodySchema,
  ErrorCode,
  ProactiveRuleListResponseSchema,
  SiteListResponseSchema,
  WidgetConfigSchema,
  AgentListResponseSchema,
  CannedResponseListSchema,
} from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { signedInRest, type Rest } from './support/rest.ts';

let t: TestServer;
let admin: Rest;
let targetAgentId: string;
let demoSiteId: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  targetAgentId = (await t.createAgent({ name: 'Target' })).id;
  demoSiteId = (await t.server.store.sites.findDemo())?.id ?? '';
});
afterAll(async () => {
  await t.close();
});

const knownCodes = new Set<string>(Object.values(ErrorCode));

const almostValid = fc.record(
  {
    name: fc.oneof(fc.string(), fc.constant(''), fc.string({ minLength: 121, maxLength: 300 }), fc.integer()),
    email: fc.oneof(fc.emailAddress(), fc.string(), fc.constant(ADMIN.email)),
    role: fc.oneof(fc.constantFrom('agent', 'admin', 'owner', ''), fc.integer()),
    capacity: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double(), fc.string()),
    password: fc.oneof(fc.string(), fc.string({ minLength: 8, maxLength: 20 })),
    allowedOrigins: fc.oneof(
      fc.array(
        fc.oneof(
          fc.webUrl(),
          fc.string(),
          fc.constantFrom('https://ok.example', 'http://[::1]:99999', 'javascript:alert(1)'),
        ),
        { maxLength: 25 },
      ),
      fc.string(),
    ),
    color: fc.oneof(fc.constantFrom('#123456', '#GGGGGG', 'red', ''), fc.string()),
    position: fc.oneof(fc.constantFrom('left', 'right', 'top'), fc.integer()),
    greeting: fc.oneof(fc.string(), fc.string({ minLength: 501, maxLength: 600 })),
    locale: fc.oneof(fc.constantFrom('en', 'pt-br', 'xx-!!', ''), fc.constant(null), fc.string()),
    preChat: fc.anything({ maxDepth: 2 }),
    businessHours: fc.oneof(
      fc.record({
        enabled: fc.boolean(),
        timeZone: fc.oneof(fc.constantFrom('Europe/Berlin', 'UTC', 'Nowhere/City'), fc.string()),
        days: fc.array(
          fc.record({
            day: fc.constantFrom('mon', 'sun', 'xyz'),
            open: fc.constantFrom('09:00', '25:00', '9'),
            close: fc.constantFrom('17:00', '08:00'),
          }),
          { maxLength: 9 },
        ),
      }),
      fc.anything({ maxDepth: 2 }),
    ),
    identityVerificationRequired: fc.oneof(fc.boolean(), fc.string()),
    shortcut: fc.oneof(fc.stringMatching(/^[a-z0-9_-]{1,40}$/), fc.string(), fc.constant('/slash')),
    body: fc.oneof(fc.string(), fc.constant('  '), fc.string({ minLength: 5001, maxLength: 5100 })),
    // page rules
    enabled: fc.oneof(fc.boolean(), fc.string()),
    conditions: fc.oneof(
      fc.record({
        match: fc.constantFrom('all', 'any', 'some'),
        groups: fc.array(
          fc.record({
            match: fc.constantFrom('all', 'any'),
            conditions: fc.array(
              fc.oneof(
                fc.record({
                  field: fc.constant('url'),
                  part: fc.constantFrom('path', 'query', 'host'),
                  operator: fc.constantFrom('regex', 'wildcard'),
                  value: fc.constantFrom('(', '/pricing*', ''),
                }),
                fc.record({
                  field: fc.constantFrom('timeOnPage', 'scrollDepth', 'moonPhase'),
                  seconds: fc.integer({ min: -5, max: 100_000 }),
                  percent: fc.integer({ min: 0, max: 101 }),
                }),
                fc.anything({ maxDepth: 1 }),
              ),
              { maxLength: 3 },
            ),
          }),
          { maxLength: 3 },
        ),
      }),
      fc.anything({ maxDepth: 2 }),
    ),
    action: fc.oneof(
      fc.record({
        message: fc.oneof(fc.string(), fc.constant(' ')),
        sender: fc.oneof(
          fc.constant({ kind: 'site' }),
          fc.record({ kind: fc.constant('agent'), agentId: fc.constant('agt_missing') }),
        ),
        openPanel: fc.oneof(fc.boolean(), fc.integer()),
        delaySeconds: fc.oneof(fc.integer({ min: -1, max: 90_000 }), fc.string()),
      }),
      fc.anything({ maxDepth: 2 }),
    ),
    frequency: fc.constantFrom('pageView', 'session', 'visitor', 'always'),
    cooldownMinutes: fc.oneof(fc.integer({ min: -1, max: 600_000 }), fc.double()),
    ruleIds: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.anything({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);

const payload = fc.oneof(fc.anything({ maxDepth: 3 }), almostValid, fc.constantFrom('{not json', '[]', 'null', '"x"'));

const route = fc.constantFrom(
  ['POST', '/api/admin/agents'],
  ['PATCH', '/api/admin/agents/TARGET'],
  ['PATCH', '/api/admin/agents/agt_missing'],
  ['POST', '/api/admin/agents/TARGET/password'],
  ['POST', '/api/admin/agents/TARGET/deactivate'],
  ['POST', '/api/admin/agents/TARGET/reactivate'],
  ['POST', '/api/admin/sites'],
  ['PATCH', '/api/admin/sites/SITE'],
  ['PATCH', `/api/admin/sites/${'x'.repeat(80)}`],
  ['POST', '/api/admin/canned-responses'],
  ['PATCH', '/api/admin/canned-responses/cnd_missing'],
  ['POST', '/api/canned-responses'],
  ['PATCH', '/api/canned-responses/cnd_missing'],
  ['DELETE', '/api/canned-responses/cnd_missing'],
  ['POST', '/api/admin/sites/SITE/rules'],
  ['PUT', '/api/admin/sites/SITE/rules/rule_missing'],
  ['PATCH', '/api/admin/sites/SITE/rules/rule_missing'],
  ['PUT', '/api/admin/sites/SITE/rule-order'],
  ['POST', '/api/admin/sites/site_missing/rules'],
) as fc.Arbitrary<[string, string]>;

describe('malformed admin payloads', () => {
  it('get well-formed answers and leave stored data valid', async () => {
    await fc.assert(
      fc.asyncProperty(route, payload, async ([method, path], body) => {
        const concrete = path.replace('TARGET', targetAgentId).replace('SITE', demoSiteId);
        const res = await admin(method, concrete, typeof body === 'string' ? body : JSON.stringify(body ?? null));
        expect(res.status).not.toBe(500);
        if (res.status >= 400) {
          const error = ErrorBodySchema.parse(res.body).error;
          expect(knownCodes.has(error.code)).toBe(true);
          expect(error.code).not.toBe(ErrorCode.Internal);
        } else {
          expect(res.status).toBeLessThan(300);
        }
      }),
      { numRuns: 300 },
    );

    // Still signed in as an active admin, and everything stored reads back through the schemas.
    const agents = AgentListResponseSchema.parse((await admin('GET', '/api/admin/agents')).body).agents;
    expect(agents.find((a) => a.email === ADMIN.email)).toMatchObject({ role: 'admin', active: true });
    const sites = SiteListResponseSchema.parse((await admin('GET', '/api/admin/sites')).body).sites;
    for (const site of sites) {
      WidgetConfigSchema.parse(await (await fetch(`${t.url}/api/widget/config/${site.siteKey}`)).json());
      ProactiveRuleListResponseSchema.parse((await admin('GET', `/api/admin/sites/${site.id}/rules`)).body);
    }
    CannedResponseListSchema.parse((await admin('GET', '/api/canned-responses')).body);
  });
});
