/**
 * Inbound email, refusals and the SMTP listener: unauthenticated calls, forged or unknown reply
 * tokens, foreign In-Reply-To, malformed MIME, automatic replies and oversized mail are refused with
 * a clear error and leave the ticket untouched (an oversized attachment is only named, the others stored); the
 * built-in SMTP listener takes replies for real tickets and refuses every other address.
 */
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmailStatus, TicketMessage } from '@parley/shared';
import { ADMIN } from './support/test-server.ts';
import { disconnectAll, login, nextEvent, signInAgent, call, clientId } from './support/clients.ts';
import {
  INBOUND_DOMAIN,
  INBOUND_SECRET,
  addresses,
  composeMail,
  leaveOffline,
  postInbound,
  sentTo,
  startEmailWorld,
  type EmailWorld,
} from './support/email.ts';

let world: EmailWorld | undefined;
afterEach(async () => {
  disconnectAll();
  await world?.close();
  world = undefined;
});

async function ticketWithMail(w: EmailWorld) {
  const { result } = await leaveOffline(w.t, { body: 'Is the shop open on Sunday?' });
  await w.t.server.mailTick();
  const confirmation = await w.sink.next(sentTo('ada@example.com'));
  return { conversationId: result.conversation.id, confirmation, replyTo: addresses(confirmation.replyTo)[0] ?? '' };
}

describe('inbound email', () => {
  it('refuses what it cannot trust or read, and writes nothing', async () => {
    world = await startEmailWorld({
      INBOUND_EMAIL_MAX_BYTES: String(64 * 1024),
      INBOUND_EMAIL_MAX_ATTACHMENT_BYTES: '1024',
    });
    const { t } = world;
    const { conversationId, confirmation, replyTo } = await ticketWithMail(world);
    const before = await t.server.store.messages.listAfter(conversationId, 0, 100);
    const ticketBefore = await t.server.store.tickets.findByConversation(conversationId);
    const reply = (overrides: Partial<Parameters<typeof composeMail>[0]> = {}) =>
      composeMail({ from: 'ada@example.com', to: replyTo, text: 'Thanks!', ...overrides });

    expect(await postInbound(t.url, await reply(), null)).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
    const wrongBasic = `Basic ${Buffer.from('mailgun:not-the-secret').toString('base64')}`;
    expect((await postInbound(t.url, await reply(), wrongBasic)).status).toBe(401);

    const forged = `reply+${'0123456789abcdef'.repeat(2)}01234567@${INBOUND_DOMAIN}`;
    expect(await postInbound(t.url, await reply({ to: forged }))).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect((await postInbound(t.url, await reply({ to: `reply+guess@${INBOUND_DOMAIN}` }))).status).toBe(404);
    // The right token at another domain is not our address.
    expect(
      (await postInbound(t.url, await reply({ to: replyTo.replace(INBOUND_DOMAIN, 'evil.example') }))).status,
    ).toBe(404);
    // Threading headers alone are trusted only from the ticket's own address.
    const threaded = { to: 'support@parley.test', inReplyTo: confirmation.messageId ?? '' };
    expect((await postInbound(t.url, await reply({ ...threaded, from: 'mallory@example.com' }))).status).toBe(404);

    const malformed = [
      Buffer.from('this is not an email at all\n\njust words'),
      Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x0d, 0x0a, 0x41]),
      Buffer.from(`To: ${replyTo}\r\nSubject: no sender\r\n\r\nHello`),
    ];
    for (const raw of malformed) {
      expect(await postInbound(t.url, raw)).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_payload' } },
      });
    }
    expect((await postInbound(t.url, Buffer.alloc(0))).status).toBe(400);

    // Out-of-office replies and bounces are not the visitor answering: refused, nothing reopened.
    const automatic = [
      await reply({ text: 'I am out of the office until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } }),
      await reply({ text: 'Away', headers: { Precedence: 'auto_reply' } }),
      await reply({ text: 'On vacation', headers: { 'X-Autoreply': 'yes' } }),
      await reply({ from: 'MAILER-DAEMON@mx.example.com', text: 'Delivery failed' }),
    ];
    for (const raw of automatic) {
      const refused = await postInbound(t.url, raw);
      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
      expect(JSON.stringify(refused.body)).toContain('Not added to a ticket');
    }

    const huge = await reply({ text: 'x'.repeat(100 * 1024) });
    expect(await postInbound(t.url, huge)).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large', message: 'The email is larger than 64 KB' } },
    });

    expect(await t.server.store.messages.listAfter(conversationId, 0, 100)).toEqual(before);
    expect(await t.server.store.tickets.findByConversation(conversationId)).toEqual(ticketBefore);

    // …and the genuine reply still goes in, by In-Reply-To from the ticket's address, with Basic auth.
    const basic = `Basic ${Buffer.from(`mailgun:${INBOUND_SECRET}`).toString('base64')}`;
    // An attachment over the limit is named, not a reason to lose the words that came with it.
    const attachments = [
      { filename: 'note.txt', content: Buffer.from('hi') },
      { filename: 'scan.pdf', content: Buffer.alloc(4096, 1) },
    ];
    const accepted = await postInbound(t.url, await reply({ ...threaded, attachments }), basic);
    expect(accepted).toMatchObject({ status: 201, body: { conversationId } });
    const added = await t.server.store.messages.listAfter(conversationId, 1, 100);
    expect(added.map((m) => m.body)).toEqual(['Thanks!\n\n[Attachments not added: scan.pdf (over the 1 KB limit)]']);
    const files = await t.server.store.attachments.listForMessages(added.map((m) => m.id));
    expect(files.get(added[0]?.id ?? '')?.map((f) => f.name)).toEqual(['note.txt']);
  });

  it('is off without a secret, and the console can see email is not configured', async () => {
    world = await startEmailWorld({ SMTP_URL: '', INBOUND_EMAIL_SECRET: '' });
    const { t } = world;
    const { conversationId, replyTo } = await (async () => {
      const { result } = await leaveOffline(t, { body: 'Hello?' });
      const ticket = await t.server.store.tickets.findByConversation(result.conversation.id);
      return { conversationId: result.conversation.id, replyTo: `reply+${ticket?.replyToken}@${INBOUND_DOMAIN}` };
    })();
    // Tickets still work; their mail waits in the outbox.
    expect(await t.server.store.tickets.findByConversation(conversationId)).toMatchObject({ status: 'open' });
    expect(await t.server.mailTick()).toMatchObject({ sent: 0, retrying: 0 });
    expect(
      await postInbound(t.url, await composeMail({ from: 'ada@example.com', to: replyTo, text: 'Hi' })),
    ).toMatchObject({
      status: 503,
      body: { error: { code: 'unavailable' } },
    });

    expect((await fetch(`${t.url}/api/email/status`)).status).toBe(401);
    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${t.url}/api/email/status`, { headers: { cookie } });
    expect((await res.json()) as EmailStatus).toEqual({
      outbound: { configured: false, pending: 2, failed: 0 },
      inbound: { webhook: false, smtp: false, domain: INBOUND_DOMAIN },
    });
  });

  it('takes replies over its own SMTP listener and refuses other addresses', async () => {
    world = await startEmailWorld({ INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1' });
    const { t } = world;
    const port = t.server.inboundSmtpPort;
    expect(port).toBeGreaterThan(0);
    const { conversationId, replyTo } = await ticketWithMail(world);
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    await call(agent, 'ticket:reply', { conversationId, clientMessageId: clientId(), body: 'Yes, 10 to 4.' });

    const mta = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      const live = nextEvent<TicketMessage>(agent, 'ticket:message');
      await mta.sendMail({
        from: 'ada@example.com',
        to: replyTo,
        subject: 'Re: hours',
        text: 'Perfect, see you then.\n\nSent from my phone',
      });
      expect((await live).message).toMatchObject({
        conversationId,
        body: 'Perfect, see you then.',
        author: { kind: 'visitor' },
      });

      const unknown = mta.sendMail({
        from: 'spam@example.com',
        to: `someone@${INBOUND_DOMAIN}`,
        subject: 'Buy',
        text: 'now',
      });
      await expect(unknown).rejects.toMatchObject({ responseCode: 550 });
      const forged = mta.sendMail({
        from: 'spam@example.com',
        to: `reply+${'f'.repeat(40)}@${INBOUND_DOMAIN}`,
        subject: 'x',
        text: 'y',
      });
      await expect(forged).rejects.toMatchObject({ responseCode: 550 });
      // Nothing but quote: we cannot tell the answer apart, so the whole text is kept, never bounced.
      const onlyQuote = await mta.sendMail({
        from: 'ada@example.com',
        to: replyTo,
        subject: 'Re',
        text: '> quoted only',
      });
      expect(onlyQuote.response).toContain('Added to the ticket');
    } finally {
      mta.close();
    }
    expect((await t.server.store.messages.listAfter(conversationId, 0, 100)).map((m) => m.body)).toEqual([
      'Is the shop open on Sunday?',
      'Yes, 10 to 4.',
      'Perfect, see you then.',
      '> quoted only',
    ]);
  });
});
