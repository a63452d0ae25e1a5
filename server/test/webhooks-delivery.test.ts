/**
 * Outbound webhooks end to end: an admin subscribes a receiver the test starts, what visitors and
 * agents do reaches it signed, in the order it happened, each delivery verifiable with the secret
 * shown once; a receiver that fails gets the event again later (the clock is moved, nothing
 * sleeps) and later events wait behind it; the last attempt gives up and the queue moves on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveriesResponseSchema,
  WebhookEventDataSchemas,
  WebhookEventSchema,
  WebhookWithSecretResponseSchema,
  type Conversation,
  type WebhookDelivery,
} from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { signedInRest, type Rest } from './support/rest.ts';
import { call, clientId, disconnectAll } from './support/clients.ts';
import { agentOnline, visitorWrites } from './support/workflow.ts';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './support/webhook-receiver.ts';
import { verifySignature } from '../src/domain/webhooks/webhook-signature.ts';

let t: TestServer;
let receiver: WebhookReceiver;
let admin: Rest;
let clock: number;
let siteId: string;

async function start(env: Record<string, string> = {}) {
  clock = Date.parse('2026-12-06T10:00:00.000Z');
  t = await startTestServer({ now: () => new Date(clock), env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', ...env } });
  admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  siteId = (await t.server.store.sites.findDemo())?.id ?? '';
}

beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  disconnectAll();
  await t.close();
  await receiver.close();
});

async function subscribe(events: readonly string[] = WEBHOOK_EVENT_TYPES) {
  const res = await admin('POST', `/api/admin/sites/${siteId}/webhooks`, { url: receiver.url, events });
  expect(res.status).toBe(201);
  return WebhookWithSecretResponseSchema.parse(res.body);
}

const typesOf = (received: ReceivedWebhook[]) => received.map((r) => r.headers['parley-event-type']);

async function deliveries(endpointId: string): Promise<WebhookDelivery[]> {
  const res = await admin('GET', `/api/admin/sites/${siteId}/webhooks/${endpointId}/deliveries`);
  return WebhookDeliveriesResponseSchema.parse(res.body).deliveries;
}

describe('webhook delivery', () => {
  it('delivers each event signed, with its resource, in the order it happened', async () => {
    await start();
    const { secret } = await subscribe();
    const ann = await agentOnline(t, 'Ann');
    const visitor = await visitorWrites(t, 'Where is my parcel?');
    const conversationId = visitor.conversation.id;
    await call(ann.socket, 'message:send', { conversationId, clientMessageId: clientId(), body: 'On its way!' });
    await call(ann.socket, 'conversation:close', { conversationId });
    await call<Conversation>(ann.socket, 'conversation:reopen', { conversationId });
    await call(visitor.socket, 'conversation:rate', { conversationId, rating: 5, comment: 'Quick' });
    await call(visitor.socket, 'visitor:identify', { name: 'Vera', email: 'vera@example.com' });

    expect(await t.server.webhookTick()).toEqual({ delivered: 9, retrying: 0, failed: 0 });
    expect(typesOf(receiver.received)).toEqual([
      'conversation.created',
      'message.created',
      'conversation.assigned',
      'message.created',
      'conversation.closed',
      'conversation.reopened',
      'message.created',
      'rating.created',
      'visitor.identified',
    ]);
    const nowSeconds = Math.floor(clock / 1000);
    for (const request of receiver.received) {
      const header = String(request.headers['parley-signature']);
      expect(verifySignature({ secret, header, body: request.body, nowSeconds, toleranceSeconds: 300 })).toBe(true);
      // a wrong secret, a changed body or a replay long after fail
      expect(
        verifySignature({ secret: `${secret}x`, header, body: request.body, nowSeconds, toleranceSeconds: 300 }),
      ).toBe(false);
      expect(verifySignature({ secret, header, body: `${request.body} `, nowSeconds, toleranceSeconds: 300 })).toBe(
        false,
      );
      expect(
        verifySignature({ secret, header, body: request.body, nowSeconds: nowSeconds + 301, toleranceSeconds: 300 }),
      ).toBe(false);

      const event = WebhookEventSchema.parse(JSON.parse(request.body));
      expect(event.siteId).toBe(siteId);
      expect(request.headers['parley-event-id']).toBe(event.id);
      const schema = WebhookEventDataSchemas[event.type as keyof typeof WebhookEventDataSchemas];
      expect(schema.parse(event.data)).toBeTruthy();
    }
    const [, visitorMessage, , agentMessage] = receiver.received.map((r) =>
      WebhookEventSchema.parse(JSON.parse(r.body)),
    );
    expect(visitorMessage?.data).toMatchObject({
      message: { body: 'Where is my parcel?', author: { kind: 'visitor' } },
    });
    expect(agentMessage?.data).toMatchObject({
      message: { body: 'On its way!', author: { kind: 'agent', name: 'Ann' } },
    });
    const rating = JSON.parse(receiver.received[7]?.body ?? '{}') as { data: unknown };
    expect(rating.data).toMatchObject({ rating: { score: 5, comment: 'Quick' } });
    const identified = JSON.parse(receiver.received[8]?.body ?? '{}') as { data: unknown };
    expect(identified.data).toMatchObject({ visitor: { name: 'Vera', email: 'vera@example.com', verified: false } });
    // the agents-only fields of a summary stay out
    expect(JSON.parse(receiver.received[2]?.body ?? '{}')).not.toHaveProperty('data.conversation.lastMessage');
    expect(new Set(receiver.received.map((r) => r.headers['parley-event-id'])).size).toBe(9);

    // nothing is sent twice
    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('sends only the events an endpoint subscribes to, and nothing once disabled', async () => {
    await start();
    const { endpoint } = await subscribe(['conversation.closed']);
    const visitor = await visitorWrites(t, 'Hello');
    await call(visitor.socket, 'conversation:close', { conversationId: visitor.conversation.id });
    await t.server.webhookTick();
    expect(typesOf(receiver.received)).toEqual(['conversation.closed']);

    const off = await admin('PATCH', `/api/admin/sites/${siteId}/webhooks/${endpoint.id}`, { enabled: false });
    expect(off.status).toBe(200);
    const again = await visitorWrites(t, 'Hello again');
    await call(again.socket, 'conversation:close', { conversationId: again.conversation.id });
    await t.server.webhookTick();
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a failing receiver later with backoff, keeping later events behind it', async () => {
    await start();
    const { endpoint, secret } = await subscribe(['conversation.created', 'conversation.closed']);
    receiver.answer = { status: 503, body: 'down for maintenance' };
    const visitor = await visitorWrites(t, 'Hello');
    await call(visitor.socket, 'conversation:close', { conversationId: visitor.conversation.id });

    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(typesOf(receiver.received)).toEqual(['conversation.created']);
    const [first, second] = (await deliveries(endpoint.id)).reverse();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });
    expect(first?.responseExcerpt).toBe('down for maintenance');
    expect(second).toMatchObject({ status: 'pending', attempts: 0 });

    // not due yet: nothing is sent
    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    clock += 30_000;
    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    // the pause doubles
    clock += 30_000;
    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    receiver.answer = { status: 204 };
    clock += 30_000;
    expect(await t.server.webhookTick()).toEqual({ delivered: 2, retrying: 0, failed: 0 });

    expect(typesOf(receiver.received)).toEqual([
      'conversation.created',
      'conversation.created',
      'conversation.created',
      'conversation.closed',
    ]);
    // the same event each time, signed anew when sent (its timestamp is the attempt's)
    const ids = receiver.received.slice(0, 3).map((r) => r.headers['parley-event-id']);
    expect(new Set(ids).size).toBe(1);
    const last = receiver.received[2];
    const header = String(last?.headers['parley-signature']);
    expect(header).toContain(`t=${Math.floor(clock / 1000)},`);
    expect(
      verifySignature({
        secret,
        header,
        body: last?.body ?? '',
        nowSeconds: Math.floor(clock / 1000),
        toleranceSeconds: 300,
      }),
    ).toBe(true);
    expect((await deliveries(endpoint.id)).map((d) => d.status)).toEqual(['delivered', 'delivered']);
  });

  it('gives up after the last attempt, and the next event goes out', async () => {
    await start({ WEBHOOK_MAX_ATTEMPTS: '2' });
    const { endpoint } = await subscribe(['conversation.created', 'conversation.closed']);
    receiver.answer = { status: 500 };
    const visitor = await visitorWrites(t, 'Hello');
    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    await call(visitor.socket, 'conversation:close', { conversationId: visitor.conversation.id });
    clock += 30_000;
    // the second attempt is the last: given up, and the closed event behind it is tried at once
    expect(await t.server.webhookTick()).toEqual({ delivered: 0, retrying: 1, failed: 1 });
    receiver.answer = { status: 200 };
    clock += 30_000;
    expect(await t.server.webhookTick()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect((await deliveries(endpoint.id)).map((d) => [d.eventType, d.status, d.attempts])).toEqual([
      ['conversation.closed', 'delivered', 2],
      ['conversation.created', 'failed', 2],
    ]);
  });

  it('deletes finished deliveries after 30 days, and never one still waiting', async () => {
    await start();
    const { endpoint } = await subscribe(['conversation.created']);
    await visitorWrites(t, 'Hello');
    await t.server.webhookTick();
    receiver.answer = { status: 500 };
    // (read from the store: the admin's session does not last the month the clock moves)
    clock += 29 * 24 * 60 * 60_000;
    await visitorWrites(t, 'Hello again');
    await t.server.webhookTick();
    expect((await t.server.store.webhooks.recentDeliveries(endpoint.id, 10)).map((d) => d.status)).toEqual([
      'pending',
      'delivered',
    ]);
    clock += 2 * 24 * 60 * 60_000;
    receiver.answer = { status: 200 };
    // the waiting one is sent now; the one delivered 31 days ago is gone
    await t.server.webhookTick();
    expect((await t.server.store.webhooks.recentDeliveries(endpoint.id, 10)).map((d) => d.status)).toEqual([
      'delivered',
    ]);
  });

  it('redelivers an event and sends a test event on request', async () => {
    await start();
    const { endpoint } = await subscribe(['conversation.created']);
    await visitorWrites(t, 'Hello');
    await t.server.webhookTick();
    const [original] = await deliveries(endpoint.id);
    const base = `/api/admin/sites/${siteId}/webhooks/${endpoint.id}`;
    expect((await admin('POST', `${base}/deliveries/${original?.id ?? ''}/redeliver`)).status).toBe(202);
    expect((await admin('POST', `${base}/test`)).status).toBe(202);
    expect(await t.server.webhookTick()).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect(typesOf(receiver.received)).toEqual(['conversation.created', 'conversation.created', 'webhook.test']);
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
    expect(JSON.parse(receiver.received[2]?.body ?? '{}')).toMatchObject({ data: { endpointId: endpoint.id } });

    // a rotated secret signs what is sent from then on
    const rotated = WebhookWithSecretResponseSchema.parse((await admin('POST', `${base}/rotate-secret`)).body);
    expect(rotated.endpoint.secretHint).toBe(rotated.secret.slice(-4));
    await admin('POST', `${base}/test`);
    await t.server.webhookTick();
    const latest = receiver.received[3];
    expect(
      verifySignature({
        secret: rotated.secret,
        header: String(latest?.headers['parley-signature']),
        body: latest?.body ?? '',
        nowSeconds: Math.floor(clock / 1000),
        toleranceSeconds: 300,
      }),
    ).toBe(true);
  });
});
