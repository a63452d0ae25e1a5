/**
 * @module Steps the external bot tests share: a test server whose demo site has an external bot
 * registered at a receiver the test started (the receiver stands for the bot's URL; the test answers
 * for the bot through /api/v1 with the bot's token), and the signed events the receiver got.
 */
import {
  ExternalBotEventDataSchemas,
  ExternalBotRegisteredResponseSchema,
  WebhookEventSchema,
  type ExternalBotEventType,
  type WebhookEvent,
} from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { signedInRest, type Rest } from '../support/rest.ts';
import { apiAs, type ApiCaller } from '../support/api-v1.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { verifySignature } from '../../src/domain/webhooks/webhook-signature.ts';
import { demoSiteId } from './bot-fixtures.ts';

export interface ExternalBotWorld {
  t: TestServer;
  receiver: WebhookReceiver;
  admin: Rest;
  siteId: string;
  secret: string;
  token: string;
  /** /api/v1 as the bot (its token). */
  bot: ApiCaller;
  /** The test's clock (ms); move it and the server's time moves. */
  clock: { now: number };
}

export interface WorldOptions {
  handoffTimeoutSeconds?: number;
  /** PostgreSQL instead of a SQLite file. */
  databaseUrl?: string;
}

export async function externalBotWorld(options: WorldOptions = {}): Promise<ExternalBotWorld> {
  const clock = { now: Date.now() };
  const receiver = await startWebhookReceiver();
  const t = await startTestServer({
    now: () => new Date(clock.now),
    env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
  });
  const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  const siteId = await demoSiteId(t);
  const registered = await admin('PUT', `/api/admin/sites/${siteId}/bot/external`, { url: receiver.url });
  if (registered.status !== 200) throw new Error(`not registered: ${JSON.stringify(registered.body)}`);
  const { credentials } = ExternalBotRegisteredResponseSchema.parse(registered.body);
  if (!credentials) throw new Error('a new registration answers its credentials');
  const mode = await admin('PATCH', `/api/admin/sites/${siteId}/bot`, {
    mode: 'external',
    name: 'Robo',
    ...(options.handoffTimeoutSeconds === undefined ? {} : { handoffTimeoutSeconds: options.handoffTimeoutSeconds }),
  });
  if (mode.status !== 200) throw new Error(`mode refused: ${JSON.stringify(mode.body)}`);
  return {
    t,
    receiver,
    admin,
    siteId,
    secret: credentials.secret,
    token: credentials.token,
    bot: apiAs(t.url, credentials.token),
    clock,
  };
}

/** Sends what is due and answers the events the bot has received so far, each verified with its secret. */
export async function botEvents(world: ExternalBotWorld): Promise<WebhookEvent[]> {
  await world.t.server.webhookTick();
  return world.receiver.received.map((request) => {
    const valid = verifySignature({
      secret: world.secret,
      header: String(request.headers['parley-signature']),
      body: request.body,
      nowSeconds: Math.floor(world.clock.now / 1000),
      toleranceSeconds: 300,
    });
    if (!valid) throw new Error(`a delivery not signed with the bot's secret: ${request.body}`);
    const event = WebhookEventSchema.parse(JSON.parse(request.body));
    ExternalBotEventDataSchemas[event.type as ExternalBotEventType].parse(event.data);
    return event;
  });
}

export const typesOf = (events: WebhookEvent[]) => events.map((e) => e.type);
