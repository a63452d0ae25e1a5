/**
 * @module The admin stand-in (fake-admin-server.ts) plus the webhook endpoints (webhookRoutes), in
 * memory and answering as the server contract says: shared schemas in, shared shapes or error bodies
 * out, a URL on a private network refused with url_not_allowed.
 */
import {
  CreateWebhookRequestSchema,
  UpdateWebhookRequestSchema,
  describeIssues,
  summarizeIssues,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@parley/shared';
import type { z } from 'zod';
import { FakeAdminServer } from './fake-admin-server.ts';
import { iso } from './fixtures.ts';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail = (status: number, code: string, message: string, issues?: unknown) =>
  json(status, { error: issues ? { code, message, issues } : { code, message } });

function parse<S extends z.ZodType>(schema: S, body: unknown, then: (value: z.output<S>) => Response): Response {
  const parsed = schema.safeParse(body);
  if (parsed.success) return then(parsed.data);
  const issues = describeIssues(parsed.error);
  return fail(400, 'invalid_payload', summarizeIssues(issues), issues);
}

export class FakeWebhooksServer extends FakeAdminServer {
  endpoints: WebhookEndpoint[] = [];
  deliveries = new Map<string, WebhookDelivery[]>();
  private secrets = 0;

  constructor() {
    super();
    const admin = this.fetch;
    // the admin routes stay the base class's; the webhook routes are answered here
    (this as { fetch: FakeAdminServer['fetch'] }).fetch = async (input, init) => {
      const method = init?.method ?? 'GET';
      const match = /^\/api\/admin\/sites\/([^/]+)\/webhooks(?:\/([^/]+)(\/.*)?)?$/.exec(input);
      if (!match) return admin(input, init);
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      this.requests.push({ method, path: input, body });
      return this.webhooks(method, match[1] ?? '', match[2], match[3] ?? '', body);
    };
  }

  addEndpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
    const endpoint: WebhookEndpoint = {
      id: `whk-${this.endpoints.length + 1}`,
      siteId: 'site-1',
      url: 'https://crm.example.com/parley',
      events: ['conversation.created', 'message.created'],
      enabled: true,
      secretHint: 'abcd',
      createdAt: iso(0),
      updatedAt: iso(0),
      ...overrides,
    };
    this.endpoints.push(endpoint);
    return endpoint;
  }

  private newSecret(): string {
    return `whsec_test${++this.secrets}secret${'x'.repeat(30)}${this.secrets}`;
  }

  private delivery(endpointId: string, overrides: Partial<WebhookDelivery>): WebhookDelivery {
    const list = this.deliveries.get(endpointId) ?? [];
    const delivery: WebhookDelivery = {
      id: `whd-${list.length + 1}`,
      eventId: `evt-${list.length + 1}`,
      eventType: 'webhook.test',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: iso(0),
      lastAttemptAt: null,
      responseStatus: null,
      responseExcerpt: null,
      createdAt: iso(0),
      deliveredAt: null,
      ...overrides,
    };
    this.deliveries.set(endpointId, [delivery, ...list]);
    return delivery;
  }

  private webhooks(method: string, siteId: string, id: string | undefined, rest: string, body: unknown): Response {
    if (id === undefined) {
      if (method === 'GET') return json(200, { endpoints: this.endpoints.filter((e) => e.siteId === siteId) });
      return parse(CreateWebhookRequestSchema, body, (request) => {
        if (/^https?:\/\/(10\.|127\.|localhost)/.test(request.url)) {
          return fail(
            422,
            'url_not_allowed',
            `Webhooks cannot call ${new URL(request.url).host}: not a public address`,
          );
        }
        const secret = this.newSecret();
        const endpoint = this.addEndpoint({
          ...request,
          siteId,
          enabled: request.enabled ?? true,
          secretHint: secret.slice(-4),
        });
        return json(201, { endpoint, secret });
      });
    }
    const endpoint = this.endpoints.find((e) => e.id === id && e.siteId === siteId);
    if (!endpoint) return fail(404, 'not_found', 'Webhook endpoint not found');
    const route = `${method} ${rest}`;
    if (route === 'PATCH ') {
      return parse(UpdateWebhookRequestSchema, body, (change) =>
        json(200, { endpoint: Object.assign(endpoint, change) }),
      );
    }
    if (route === 'DELETE ') {
      this.endpoints = this.endpoints.filter((e) => e !== endpoint);
      return new Response(null, { status: 204 });
    }
    if (route === 'POST /rotate-secret') {
      const secret = this.newSecret();
      return json(200, { endpoint: Object.assign(endpoint, { secretHint: secret.slice(-4) }), secret });
    }
    if (route === 'GET /deliveries') return json(200, { deliveries: this.deliveries.get(endpoint.id) ?? [] });
    if (route === 'POST /test') return json(202, { delivery: this.delivery(endpoint.id, {}) });
    const redeliver = /^POST \/deliveries\/([^/]+)\/redeliver$/.exec(route);
    const original = (this.deliveries.get(endpoint.id) ?? []).find((d) => d.id === redeliver?.[1]);
    if (original) {
      return json(202, {
        delivery: this.delivery(endpoint.id, { eventId: original.eventId, eventType: original.eventType }),
      });
    }
    return fail(404, 'not_found', route);
  }
}
