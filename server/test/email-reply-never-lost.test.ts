/**
 * A reply that reached a real ticket is stored, never refused: a mail with nothing but quote is kept
 * whole, an empty one is noted, a different mail reusing a Message-ID is not taken for a duplicate,
 * and over the built-in SMTP listener answers between quoted lines and an HTML-only mail with an
 * attachment arrive with their text.
 */
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { disconnectAll } from './support/clients.ts';
import {
  addresses,
  composeMail,
  leaveOffline,
  postInbound,
  sentTo,
  startEmailWorld,
  type EmailWorld,
} from './support/email.ts';
import { replyFixtures } from './support/email-fixtures.ts';

let world: EmailWorld | undefined;
afterEach(async () => {
  disconnectAll();
  await world?.close();
  world = undefined;
});

async function ticketWithMail(w: EmailWorld) {
  const { result } = await leaveOffline(w.t, { body: 'Do you ship to Norway?' });
  await w.t.server.mailTick();
  const confirmation = await w.sink.next(sentTo('ada@example.com'));
  return { conversationId: result.conversation.id, replyTo: addresses(confirmation.replyTo)[0] ?? '' };
}

const bodies = async (w: EmailWorld, conversationId: string) =>
  (await w.t.server.store.messages.listAfter(conversationId, 1, 100)).map((m) => m.body);

describe('an emailed reply is never lost', () => {
  it('keeps a mail that is all quote whole, and notes an empty one, instead of refusing them', async () => {
    world = await startEmailWorld();
    const { t } = world;
    const { conversationId, replyTo } = await ticketWithMail(world);
    const reply = (text: string) => composeMail({ from: 'ada@example.com', to: replyTo, text });

    // An Outlook answer typed in colour inside the quote is, as plain text, all quote.
    const quoteOnly = await postInbound(t.url, await reply('> Which size?\n> Large, in blue.'));
    expect(quoteOnly).toMatchObject({ status: 201, body: { conversationId, duplicate: false } });
    expect(await postInbound(t.url, await reply(''))).toMatchObject({ status: 201 });
    expect(await bodies(world, conversationId)).toEqual(['> Which size?\n> Large, in blue.', '[Email with no text]']);
  });

  it('stores a different mail that reuses a Message-ID, and the same mail only once', async () => {
    world = await startEmailWorld();
    const { t } = world;
    const { conversationId, replyTo } = await ticketWithMail(world);
    const mail = (text: string) =>
      composeMail({ from: 'ada@example.com', to: replyTo, messageId: '<reused@broken-client.example>', text });

    const first = await postInbound(t.url, await mail('The large one, please.'));
    expect(first).toMatchObject({ status: 201, body: { duplicate: false } });
    const second = await postInbound(t.url, await mail('Sorry, the small one after all.'));
    expect(second).toMatchObject({ status: 201, body: { duplicate: false } });
    expect(second.body.messageId).not.toBe(first.body.messageId);
    // The webhook retried: same Message-ID, same mail.
    const again = await postInbound(t.url, await mail('The large one, please.'));
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, messageId: first.body.messageId } });
    expect(await bodies(world, conversationId)).toEqual(['The large one, please.', 'Sorry, the small one after all.']);
  });

  it('takes answers between quoted lines and HTML-only mail with an attachment over SMTP', async () => {
    world = await startEmailWorld({ INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1' });
    const { t } = world;
    const { conversationId, replyTo } = await ticketWithMail(world);
    const fixtures = replyFixtures().filter((f) =>
      ['clients/inline-answers', 'clients/html-only-attachment'].includes(f.name),
    );
    expect(fixtures).toHaveLength(2);
    const mta = nodemailer.createTransport({
      host: '127.0.0.1',
      port: t.server.inboundSmtpPort,
      secure: false,
      ignoreTLS: true,
    });
    try {
      for (const fixture of fixtures) {
        const sent = await mta.sendMail({
          envelope: { from: 'ada@example.org', to: [replyTo] },
          raw: await fixture.mail(replyTo),
        });
        expect(sent.response).toContain('Added to the ticket');
      }
    } finally {
      mta.close();
    }
    expect(await bodies(world, conversationId)).toEqual(fixtures.map((f) => f.expected));
  });
});
