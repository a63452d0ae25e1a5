/**
 * Two Parley processes on one PostgreSQL database, joined by Redis, both running the webhook sender
 * at once: every event is recorded once (by the process where it happened, although Redis carries
 * each change to the other process's sockets) and reaches the receiver exactly once, in the order
 * the deliveries were stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookEventSchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl, type TempDatabase } from './support/postgres.ts';
import { redisAvailable, redisTestUrl } from './support/redis.ts';
import { call, disconnectAll } from './support/clients.ts';
import { signedInRest } from './support/rest.ts';
import { visitorWrites } from './support/workflow.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

describe.runIf(postgresAdminUrl && redisAvailable)('webhooks with two servers', () => {
  let servers: TestServer[] = [];
  let receiver: WebhookReceiver | undefined;
  let database: TempDatabase | undefined;
  afterEach(async () => {
    disconnectAll();
    for (const server of servers) await server.close();
    servers = [];
    await receiver?.close();
    await database?.drop();
  });

  it('delivers every event exactly once, in order', async () => {
    database = await createTempDatabase(postgresAdminUrl ?? '');
    receiver = await startWebhookReceiver();
    const env = {
      REDIS_URL: redisTestUrl ?? '',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      PARLEY_SECRET: 'a-secret-both-servers-share-0123456789',
    };
    const a = await startTestServer({ databaseUrl: database.url, env });
    const b = await startTestServer({ databaseUrl: database.url, env });
    servers = [a, b];
    await Promise.all([a.server.scaleReady(), b.server.scaleReady()]);

    const admin = await signedInRest(a.url, ADMIN.email, ADMIN.password);
    const siteId = (await a.server.store.sites.findDemo())?.id ?? '';
    const created = await admin('POST', `/api/admin/sites/${siteId}/webhooks`, {
      url: receiver.url,
      events: ['conversation.created', 'message.created', 'conversation.closed'],
    });
    expect(created.status).toBe(201);

    const visitors = 8;
    for (let i = 0; i < visitors; i++) {
      const server = i % 2 === 0 ? a : b;
      const visitor = await visitorWrites(server, `Question ${i}`);
      await call(visitor.socket, 'conversation:close', { conversationId: visitor.conversation.id });
    }
    const expected = visitors * 3;

    let delivered = 0;
    for (;;) {
      const [fromA, fromB] = await Promise.all([a.server.webhookTick(), b.server.webhookTick()]);
      delivered += fromA.delivered + fromB.delivered;
      if (fromA.delivered + fromB.delivered === 0) break;
    }
    expect(delivered).toBe(expected);
    const events = receiver.received.map((r) => WebhookEventSchema.parse(JSON.parse(r.body)));
    expect(events).toHaveLength(expected);
    expect(new Set(events.map((e) => e.id)).size).toBe(expected);

    // in the order they were stored, and each conversation's events in the order they happened
    const endpointId = (await a.server.store.webhooks.listEndpoints(siteId))[0]?.id ?? '';
    const stored = (await a.server.store.webhooks.recentDeliveries(endpointId, 100)).reverse();
    expect(events.map((e) => e.id)).toEqual(stored.map((d) => d.eventId));
    const byConversation = new Map<string, string[]>();
    for (const event of events) {
      const { conversation } = event.data as { conversation: { id: string } };
      byConversation.set(conversation.id, [...(byConversation.get(conversation.id) ?? []), event.type]);
    }
    expect([...byConversation.values()]).toEqual(
      Array.from({ length: visitors }, () => ['conversation.created', 'message.created', 'conversation.closed']),
    );
  });
});
