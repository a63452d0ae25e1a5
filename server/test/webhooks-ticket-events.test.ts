/**
 * Tickets reach webhooks too: a visitor's offline message opens one (ticket.created), an agent's
 * reply and the visitor's emailed answer are ticket.replied, and solving it is ticket.solved.
 */
import { afterEach, expect, it } from 'vitest';
import { WebhookEventSchema, type TicketMessage } from '@parley/shared';
import { ADMIN } from './support/test-server.ts';
import { signedInRest } from './support/rest.ts';
import { call, clientId, disconnectAll, signInAgent } from './support/clients.ts';
import { leaveOffline, startEmailWorld, type EmailWorld } from './support/email.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

let world: EmailWorld | undefined;
let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  disconnectAll();
  await world?.close();
  await receiver?.close();
});

it('sends ticket.created, ticket.replied and ticket.solved with the ticket', async () => {
  receiver = await startWebhookReceiver();
  world = await startEmailWorld({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  const { t } = world;
  const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
  const siteId = (await t.server.store.sites.findDemo())?.id ?? '';
  const events = ['ticket.created', 'ticket.replied', 'ticket.solved'];
  expect((await admin('POST', `/api/admin/sites/${siteId}/webhooks`, { url: receiver.url, events })).status).toBe(201);

  const { result } = await leaveOffline(t, { body: 'My invoice is wrong', email: 'ada@example.com' });
  const conversationId = result.conversation.id;
  const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
  await call<TicketMessage>(agent, 'ticket:reply', { conversationId, clientMessageId: clientId(), body: 'Fixed it.' });
  await call(agent, 'ticket:status', { conversationId, status: 'solved' });

  expect(await t.server.webhookTick()).toEqual({ delivered: 3, retrying: 0, failed: 0 });
  const received = receiver.received.map((r) => WebhookEventSchema.parse(JSON.parse(r.body)));
  expect(received.map((e) => e.type)).toEqual(events);
  expect(received[0]?.data).toMatchObject({ ticket: { conversationId, status: 'open', email: 'ada@example.com' } });
  expect(received[1]?.data).toMatchObject({ message: { body: 'Fixed it.', author: { kind: 'agent' } } });
  expect(received[2]?.data).toMatchObject({ ticket: { conversationId, status: 'solved' } });
});
