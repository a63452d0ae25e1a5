/**
 * @module An in-memory stand-in for the admin (page rules included) and canned-response REST endpoints, answering real Response
 * objects the way the server contract describes (shared schemas in, shared shapes or error bodies out),
 * so the real api modules and pages run against it in tests.
 */
import {
  CannedResponseRequestSchema,
  ProactiveRuleRequestSchema,
  ReorderRulesRequestSchema,
  SetRuleEnabledRequestSchema,
  CreateAgentRequestSchema,
  CreateSiteRequestSchema,
  UpdateAgentRequestSchema,
  UpdateSiteRequestSchema,
  describeIssues,
  summarizeIssues,
  type AgentAdminView,
  type CannedResponse,
  type EmailStatus,
  type ProactiveRule,
  type SiteAdminView,
  DEFAULT_ATTACHMENT_SETTINGS,
  BotSettingsSchema,
  BotSettingsUpdateSchema,
  DEFAULT_BOT_SETTINGS,
  type BotSettings,
  CreateApiTokenRequestSchema,
  type ApiToken,
} from '@parley/shared';
import type { z } from 'zod';
import { AGENT, iso } from './fixtures.ts';
import { FakeExternalBots } from './fake-external-bots.ts';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail = (status: number, code: string, message: string, issues?: unknown) =>
  json(status, { error: issues ? { code, message, issues } : { code, message } });

export function makeSite(overrides: Partial<SiteAdminView> = {}): SiteAdminView {
  return {
    id: 'site-1',
    siteKey: 'pk_demo',
    name: 'Demo',
    allowedOrigins: ['http://localhost:3000'],
    color: '#4f46e5',
    position: 'right',
    theme: 'light',
    greeting: 'Hi!',
    locale: null,
    preChat: { enabled: false, fields: [] },
    businessHours: { enabled: false, timeZone: 'UTC', days: [] },
    identityVerificationRequired: false,
    routingMode: 'automatic',
    queueMaxWaitSeconds: null,
    attachments: DEFAULT_ATTACHMENT_SETTINGS,
    helpMode: 'chat',
    defaultQueueMaxWaitSeconds: 300,
    identitySecret: 'ab'.repeat(32),
    isDemo: true,
    createdAt: iso(0),
    snippet: '<script async src="http://localhost:3000/widget.js" data-site-key="pk_demo"></script>',
    ...overrides,
  };
}

export class FakeAdminServer {
  agents: AgentAdminView[] = [{ ...AGENT, role: 'admin', active: true, createdAt: iso(0) }];
  sites: SiteAdminView[] = [makeSite()];
  canned: CannedResponse[] = [];
  rules: ProactiveRule[] = [];
  /** answer bot settings by site id (issue 22); absent: the defaults. */
  readonly bots = new Map<string, BotSettings>();
  /** bot-llm: the server's language model (LLM_MODEL), null when it has none. */
  llmModel: string | null = null;
  // public API tokens (issue 21)
  apiTokens: ApiToken[] = [];
  /** external bots by site id (bot-external) */
  readonly externalBots = new FakeExternalBots();
  emailStatus: EmailStatus = {
    outbound: { configured: true, pending: 0, failed: 0 },
    inbound: { webhook: false, smtp: false, domain: 'in.example.com' },
  };
  readonly requests: Array<{ method: string; path: string; body: unknown }> = [];
  /** Routes ("GET /api/admin/sites") answered 503 until the test removes them: a server in trouble. */
  readonly unavailable = new Set<string>();
  private next = 1;

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, path: input, body });
    const route = `${method} ${input}`;
    if (this.unavailable.has(route)) return fail(503, 'internal', 'The server is not answering.');
    let m: RegExpExecArray | null;
    if (route === 'GET /api/email/status') return json(200, this.emailStatus);
    if (route === 'GET /api/admin/agents') return json(200, { agents: this.agents });
    if (route === 'POST /api/admin/agents') {
      return this.parse(CreateAgentRequestSchema, body, (request) => {
        if (this.agents.some((a) => a.email === request.email))
          return fail(409, 'conflict', 'Another agent already has this email address');
        const { password: _password, ...fields } = request;
        const agent: AgentAdminView = {
          ...fields,
          id: `agent-${++this.next}`,
          active: true,
          createdAt: iso(this.next),
        };
        this.agents.push(agent);
        return json(201, { agent });
      });
    }
    if ((m = /^PATCH \/api\/admin\/agents\/([^/]+)$/.exec(route))) {
      const id = m[1];
      return this.parse(UpdateAgentRequestSchema, body, (request) => this.changeAgent(id, request));
    }
    if ((m = /^POST \/api\/admin\/agents\/([^/]+)\/(deactivate|reactivate)$/.exec(route))) {
      return this.changeAgent(m[1], { active: m[2] === 'reactivate' });
    }
    if (route === 'GET /api/admin/sites') return json(200, { sites: this.sites });
    if (route === 'POST /api/admin/sites') {
      return this.parse(CreateSiteRequestSchema, body, (request) => {
        const id = `site-${++this.next}`;
        const site = makeSite({
          ...request,
          id,
          siteKey: `pk_${id}`,
          isDemo: false,
          snippet: `<script data-site-key="pk_${id}"></script>`,
        });
        this.sites.push(site);
        return json(201, { site });
      });
    }
    if ((m = /^PATCH \/api\/admin\/sites\/([^/]+)$/.exec(route))) {
      const id = m[1];
      return this.parse(UpdateSiteRequestSchema, body, (request) => {
        const site = this.sites.find((s) => s.id === id);
        if (!site) return fail(404, 'not_found', 'Site not found');
        Object.assign(site, request);
        return json(200, { site });
      });
    }
    const externalBot = this.externalBots.answer(method, input, body);
    if (externalBot) return externalBot;
    // answer bot settings (issue 22)
    if ((m = /^(GET|PATCH) \/api\/admin\/sites\/([^/]+)\/bot$/.exec(route))) {
      const siteId = m[2] ?? '';
      const current = this.bots.get(siteId) ?? DEFAULT_BOT_SETTINGS;
      const llm = this.llmModel === null ? {} : { llm: { model: this.llmModel } };
      if (m[1] === 'GET') return json(200, { bot: current, ...llm });
      return this.parse(BotSettingsUpdateSchema, body, (change) => {
        const bot = BotSettingsSchema.parse({
          ...current,
          ...change,
          wording: { ...current.wording, ...change.wording },
        });
        this.bots.set(siteId, bot);
        return json(200, { bot });
      });
    }
    if ((m = /^(GET|POST) \/api\/admin\/sites\/([^/]+)\/rules$/.exec(route))) {
      const siteId = m[2] ?? '';
      if (m[1] === 'GET') return json(200, { rules: this.rulesOf(siteId) });
      return this.parse(ProactiveRuleRequestSchema, body, (values) => {
        const rule: ProactiveRule = {
          ...values,
          id: `rule-${++this.next}`,
          siteId,
          position: this.rulesOf(siteId).length,
          stats: { fired: 0, shown: 0, opened: 0, replied: 0 },
          createdAt: iso(this.next),
          updatedAt: iso(this.next),
        };
        this.rules.push(rule);
        return json(201, { rule });
      });
    }
    if ((m = /^PUT \/api\/admin\/sites\/([^/]+)\/rule-order$/.exec(route))) {
      const siteId = m[1] ?? '';
      return this.parse(ReorderRulesRequestSchema, body, ({ ruleIds }) => {
        const mine = this.rulesOf(siteId);
        if (mine.length !== ruleIds.length || !mine.every((r) => ruleIds.includes(r.id))) {
          return fail(400, 'invalid_payload', 'ruleIds: must list every rule of the site exactly once', [
            { path: 'ruleIds', message: 'must list every rule of the site exactly once' },
          ]);
        }
        for (const rule of mine) rule.position = ruleIds.indexOf(rule.id);
        return json(200, { rules: this.rulesOf(siteId) });
      });
    }
    if ((m = /^(PUT|PATCH|DELETE) \/api\/admin\/sites\/([^/]+)\/rules\/([^/]+)$/.exec(route))) {
      const [, verb, siteId, ruleId] = m;
      const rule = this.rules.find((r) => r.id === ruleId && r.siteId === siteId);
      if (!rule) return fail(404, 'not_found', 'Rule not found');
      if (verb === 'DELETE') {
        this.rules = this.rules.filter((r) => r !== rule);
        this.rulesOf(rule.siteId).forEach((r, i) => (r.position = i));
        return new Response(null, { status: 204 });
      }
      if (verb === 'PATCH')
        return this.parse(SetRuleEnabledRequestSchema, body, ({ enabled }) =>
          json(200, { rule: Object.assign(rule, { enabled }) }),
        );
      return this.parse(ProactiveRuleRequestSchema, body, (values) => json(200, { rule: Object.assign(rule, values) }));
    }
    if (route === 'GET /api/canned-responses') return json(200, { cannedResponses: this.canned });
    if ((m = /^POST \/api(\/admin)?\/canned-responses$/.exec(route))) {
      const scope = m[1] ? 'shared' : 'personal';
      return this.parse(CannedResponseRequestSchema, body, (request) => {
        const created: CannedResponse = {
          id: `cnd-${++this.next}`,
          scope,
          ...request,
          createdAt: iso(0),
          updatedAt: iso(0),
        };
        this.canned.push(created);
        return json(201, { cannedResponse: created });
      });
    }
    // public API tokens (issue 21)
    if (route === 'GET /api/admin/api-tokens') return json(200, { apiTokens: this.apiTokens });
    if (route === 'POST /api/admin/api-tokens') {
      return this.parse(CreateApiTokenRequestSchema, body, (request) => {
        const id = `tok_${this.next++}`;
        const token = `parley_secret${id}`;
        const created: ApiToken = {
          id,
          name: request.name,
          scopes: request.scopes,
          siteIds: request.siteIds ?? null,
          prefix: token.slice(0, 13),
          createdBy: AGENT.id,
          createdAt: iso(0),
          lastUsedAt: null,
          revokedAt: null,
        };
        this.apiTokens.unshift(created);
        return json(201, { token, apiToken: created });
      });
    }
    if ((m = /^POST \/api\/admin\/api-tokens\/([^/]+)\/revoke$/.exec(route))) {
      const token = this.apiTokens.find((t) => t.id === m?.[1]);
      if (!token) return fail(404, 'not_found', 'API token not found');
      token.revokedAt ??= iso(1);
      return json(200, { apiToken: token });
    }
    return fail(404, 'not_found', route);
  };

  private rulesOf(siteId: string): ProactiveRule[] {
    return this.rules.filter((r) => r.siteId === siteId).sort((a, b) => a.position - b.position);
  }

  private changeAgent(id: string | undefined, change: Partial<AgentAdminView>): Response {
    const agent = this.agents.find((a) => a.id === id);
    if (!agent) return fail(404, 'not_found', 'Agent not found');
    Object.assign(agent, change);
    return json(200, { agent });
  }

  private parse<S extends z.ZodType>(schema: S, body: unknown, then: (value: z.output<S>) => Response): Response {
    const parsed = schema.safeParse(body);
    if (parsed.success) return then(parsed.data);
    const issues = describeIssues(parsed.error);
    return fail(400, 'invalid_payload', summarizeIssues(issues), issues);
  }
}
