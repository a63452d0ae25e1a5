/**
 * Every reply in the corpus, posted to the real inbound webhook, is stored with exactly its visible
 * text: the visitor's words (with the quoted lines they answer, for answers below or between
 * quotes), without the quoted history, attribution lines, device signatures, sign-offs or list footers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addresses, leaveOffline, postInbound, sentTo, startEmailWorld, type EmailWorld } from './support/email.ts';
import { replyFixtures } from './support/email-fixtures.ts';
import { disconnectAll } from './support/clients.ts';

let world: EmailWorld;
let conversationId: string;
let replyTo: string;

beforeAll(async () => {
  world = await startEmailWorld();
  const { result } = await leaveOffline(world.t, { body: 'Do you ship to Norway?' });
  await world.t.server.mailTick();
  const confirmation = await world.sink.next(sentTo('ada@example.com'));
  conversationId = result.conversation.id;
  replyTo = addresses(confirmation.replyTo)[0] ?? '';
});

afterAll(async () => {
  disconnectAll();
  await world.close();
});

describe('reply corpus through the inbound webhook', () => {
  it.each(replyFixtures())('$name', async ({ mail, expected }) => {
    const response = await postInbound(world.t.url, await mail(replyTo));
    expect(response).toMatchObject({ status: 201, body: { conversationId, duplicate: false } });
    const stored = await world.t.server.store.messages.listAfter(conversationId, 0, 1000);
    expect(stored.find((m) => m.id === response.body.messageId)?.body).toBe(expected);
  });
});
