/**
 * The rules admin API over real REST: an admin creates, edits, reorders, turns off and deletes a
 * site's page rules; invalid rules are refused naming the wrong field; agents are refused; the
 * widget config serves the enabled rules in order, with an ETag that answers 304.
 */
import { describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  ProactiveRuleListResponseSchema,
  ProactiveRuleResponseSchema,
  WidgetConfigSchema,
  type ProactiveRule,
} from '@parley/shared';
import { ADMIN, useTestServer } from './support/test-server.ts';
import { signedInRest, type Rest } from './support/rest.ts';
import { pricingRule } from './support/rule-fixtures.ts';

const t = useTestServer();

async function demoSiteId(): Promise<string> {
  return (await t.server.store.sites.findDemo())?.id ?? '';
}

async function create(admin: Rest, siteId: string, body: unknown): Promise<ProactiveRule> {
  const res = await admin('POST', `/api/admin/sites/${siteId}/rules`, body);
  expect(res.status).toBe(201);
  return ProactiveRuleResponseSchema.parse(res.body).rule;
}

async function refusal(admin: Rest, method: string, path: string, body: unknown) {
  const res = await admin(method, path, body);
  expect(res.status).toBe(400);
  return ErrorBodySchema.parse(res.body).error;
}

describe('rules admin API', () => {
  it('creates, lists in order with counts, replaces, reorders, disables and deletes rules', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const siteId = await demoSiteId();
    const first = await create(admin, siteId, pricingRule());
    const second = await create(admin, siteId, pricingRule({ name: 'Docs end' }));
    expect(first).toMatchObject({
      siteId,
      position: 0,
      name: 'Pricing nudge',
      stats: { fired: 0, shown: 0, opened: 0, replied: 0 },
    });
    expect(second.position).toBe(1);

    const replaced = await admin(
      'PUT',
      `/api/admin/sites/${siteId}/rules/${first.id}`,
      pricingRule({ name: 'Pricing, renamed', cooldownMinutes: 60 }),
    );
    expect(replaced.status).toBe(200);
    expect(ProactiveRuleResponseSchema.parse(replaced.body).rule).toMatchObject({
      name: 'Pricing, renamed',
      cooldownMinutes: 60,
      position: 0,
    });

    const reordered = await admin('PUT', `/api/admin/sites/${siteId}/rule-order`, { ruleIds: [second.id, first.id] });
    expect(ProactiveRuleListResponseSchema.parse(reordered.body).rules.map((r) => [r.name, r.position])).toEqual([
      ['Docs end', 0],
      ['Pricing, renamed', 1],
    ]);
    const incomplete = await refusal(admin, 'PUT', `/api/admin/sites/${siteId}/rule-order`, { ruleIds: [second.id] });
    expect(incomplete.issues?.[0]?.path).toBe('ruleIds');

    const disabled = await admin('PATCH', `/api/admin/sites/${siteId}/rules/${second.id}`, { enabled: false });
    expect(ProactiveRuleResponseSchema.parse(disabled.body).rule.enabled).toBe(false);

    expect((await admin('DELETE', `/api/admin/sites/${siteId}/rules/${first.id}`)).status).toBe(204);
    const listed = ProactiveRuleListResponseSchema.parse(
      (await admin('GET', `/api/admin/sites/${siteId}/rules`)).body,
    ).rules;
    expect(listed.map((r) => [r.name, r.position, r.enabled])).toEqual([['Docs end', 0, false]]);
    expect((await admin('DELETE', `/api/admin/sites/${siteId}/rules/${first.id}`)).status).toBe(404);
    expect((await admin('GET', '/api/admin/sites/site_missing/rules')).status).toBe(404);
  });

  it('refuses invalid rules with messages naming the wrong field', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const path = `/api/admin/sites/${await demoSiteId()}/rules`;
    const group = (conditions: unknown[]) => ({ match: 'all', groups: [{ match: 'any', conditions }] });

    const badRegex = await refusal(admin, 'POST', path, {
      ...pricingRule(),
      conditions: group([{ field: 'url', part: 'path', operator: 'regex', value: '(unclosed' }]),
    });
    expect(badRegex.issues).toEqual([
      {
        path: 'conditions.groups.0.conditions.0.value',
        message: expect.stringMatching(/^is not a valid regular expression/) as string,
      },
    ]);
    expect(badRegex.message).toContain('conditions.groups.0.conditions.0.value');

    const emptyGroup = await refusal(admin, 'POST', path, { ...pricingRule(), conditions: group([]) });
    expect(emptyGroup.issues).toEqual([
      { path: 'conditions.groups.0.conditions', message: 'a group needs at least one condition' },
    ]);
    const noGroups = await refusal(admin, 'POST', path, { ...pricingRule(), conditions: { match: 'any', groups: [] } });
    expect(noGroups.issues?.[0]?.path).toBe('conditions.groups');

    const unknownKey = await refusal(admin, 'POST', path, {
      ...pricingRule(),
      conditions: group([{ field: 'timeOnPage', seconds: 5, secs: 5 }]),
      action: { ...pricingRule().action, delaySecond: 3 },
    });
    expect(unknownKey.issues?.map((i) => i.path)).toEqual([
      'conditions.groups.0.conditions.0.secs',
      'action.delaySecond',
    ]);
    expect(unknownKey.issues?.[0]?.message).toBe('is not a known field');

    const unknownField = await refusal(admin, 'POST', path, {
      ...pricingRule(),
      conditions: group([{ field: 'moonPhase' }]),
    });
    expect(unknownField.issues?.[0]?.path).toBe('conditions.groups.0.conditions.0.field');

    const ghostSender = await refusal(admin, 'POST', path, {
      ...pricingRule(),
      action: { ...pricingRule().action, sender: { kind: 'agent', agentId: 'agt_nobody' } },
    });
    expect(ghostSender.issues).toEqual([{ path: 'action.sender.agentId', message: 'is not an active agent' }]);

    const notJson = await refusal(admin, 'POST', path, '{nope');
    expect(notJson.code).toBe('invalid_payload');
    expect((await admin('GET', path)).body).toEqual({ rules: [] });
  });

  it('is for admins only, and only from the console’s own pages', async () => {
    const ann = await t.createAgent({ name: 'Ann' });
    const agent = await signedInRest(t.url, ann.email, ann.password);
    const siteId = await demoSiteId();
    for (const [method, path, body] of [
      ['GET', `/api/admin/sites/${siteId}/rules`, undefined],
      ['POST', `/api/admin/sites/${siteId}/rules`, pricingRule()],
      ['PUT', `/api/admin/sites/${siteId}/rule-order`, { ruleIds: ['rule_x'] }],
    ] as const) {
      const res = await agent(method, path, body);
      expect(res.status).toBe(403);
      expect(ErrorBodySchema.parse(res.body).error.code).toBe('forbidden');
    }
    const anonymous = await fetch(`${t.url}/api/admin/sites/${siteId}/rules`);
    expect(anonymous.status).toBe(401);
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const foreign = await admin('POST', `/api/admin/sites/${siteId}/rules`, pricingRule(), {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect((await admin('GET', `/api/admin/sites/${siteId}/rules`)).body).toEqual({ rules: [] });
  });
});

describe('rules in the widget config', () => {
  it('serves the enabled rules in order with the sender resolved, and answers a matching ETag with 304', async () => {
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const siteId = await demoSiteId();
    const ann = await t.createAgent({ name: 'Ann' });
    const configUrl = `${t.url}/api/widget/config/${t.siteKey}`;

    // A conditional GET as a browser's HTTP cache sends it. fetch() with If-None-Match would add
    // `cache-control: no-cache` by itself (Fetch spec), which rightly forbids a 304: name our own.
    const revalidate = (tag: string) =>
      fetch(configUrl, { headers: { origin: t.origin, 'if-none-match': tag, 'cache-control': 'max-age=0' } });
    const before = await fetch(configUrl, { headers: { origin: t.origin } });
    const etag = before.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(before.headers.get('cache-control')).toBe('max-age=60');
    const unchanged = await revalidate(etag ?? '');
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const fromAnn = await create(
      admin,
      siteId,
      pricingRule({
        name: 'From Ann',
        action: {
          ...pricingRule().action,
          sender: { kind: 'agent', agentId: ann.id },
          openPanel: true,
          delaySeconds: 5,
        },
      }),
    );
    await create(admin, siteId, pricingRule({ name: 'Off', enabled: false }));
    const fromSite = await create(
      admin,
      siteId,
      pricingRule({ name: 'From the site', frequency: 'visitor', cooldownMinutes: 15 }),
    );

    const changed = await revalidate(etag ?? '');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const config = WidgetConfigSchema.parse(await changed.json());
    expect(config.proactiveRules).toEqual([
      {
        id: fromAnn.id,
        conditions: fromAnn.conditions,
        message: 'Questions about plans? We are here.',
        senderName: 'Ann',
        senderAvatarUrl: null,
        openPanel: true,
        delaySeconds: 5,
        frequency: 'session',
        cooldownMinutes: 0,
      },
      expect.objectContaining({ id: fromSite.id, senderName: 'Demo', frequency: 'visitor', cooldownMinutes: 15 }),
    ]);
  });
});
