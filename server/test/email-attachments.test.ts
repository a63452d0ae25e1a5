/**
 * Files in email tickets, inbound: the attachments of a visitor's emailed reply (by the webhook and
 * by the built-in SMTP listener) are stored through the upload pipeline (type from the content,
 * images re-encoded without their metadata, with a thumbnail) and belong to the reply's message; a
 * file over the limit, of a kind the site does not take, or with malware in it is named in the
 * message with the reason, never dropped silently; a delivery repeated stores nothing twice; and
 * with the malware scanner unreachable the mail is refused for now (the sender tries again), with
 * nothing kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, TicketDetail, TicketMessage } from '@parley/shared';
import { call, callRaw, clientId, disconnectAll, login, nextEvent, signInAgent } from './support/clients.ts';
import {
  addresses,
  composeMail,
  leaveOffline,
  postInbound,
  sentTo,
  startEmailWorld,
  type EmailWorld,
} from './support/email.ts';
import { agentUpload, download, formWith, PDF, phonePhoto } from './support/attachments.ts';
import { ADMIN } from './support/test-server.ts';
import { clamdAvailable, EICAR, EICAR_FOUND, startClamd, type OwnClamd } from './support/clamd.ts';

let world: EmailWorld | undefined;
afterEach(async () => {
  disconnectAll();
  await world?.close();
  world = undefined;
});

async function ticketWithMail(w: EmailWorld) {
  const { result } = await leaveOffline(w.t, { body: 'My order never came' });
  await w.t.server.mailTick();
  const confirmation = await w.sink.next(sentTo('ada@example.com'));
  return { conversationId: result.conversation.id, replyTo: addresses(confirmation.replyTo)[0] ?? '' };
}

/** The visitor's emailed messages after the first, with the files each one holds. */
async function repliesWithFiles(w: EmailWorld, conversationId: string) {
  const messages = (await w.t.server.store.messages.listAfter(conversationId, 1, 100)).filter(
    (m) => m.author.kind === 'visitor',
  );
  const files = await w.t.server.store.attachments.listForMessages(messages.map((m) => m.id));
  return messages.map((m) => ({ body: m.body, files: (files.get(m.id) ?? []).map((f: Attachment) => f) }));
}

describe('attachments of emailed replies', () => {
  it('are stored on the ticket’s message as uploads are, and the ones not kept are named with why', async () => {
    world = await startEmailWorld({ INBOUND_EMAIL_MAX_ATTACHMENT_BYTES: String(64 * 1024) });
    const { t } = world;
    const { conversationId, replyTo } = await ticketWithMail(world);
    const photo = await phonePhoto();
    const mail = await composeMail({
      from: 'ada@example.com',
      to: replyTo,
      text: 'Here is the photo of the box and the invoice.',
      attachments: [
        { filename: 'IMG_0001.JPG', content: photo },
        { filename: 'invoice.png', content: PDF },
        { filename: 'page.html', content: Buffer.from('<html><script>alert(1)</script></html>') },
        { filename: 'video.pdf', content: Buffer.concat([PDF, Buffer.alloc(100 * 1024, 0x20)]) },
      ],
    });
    const first = await postInbound(t.url, mail);
    expect(first).toMatchObject({ status: 201, body: { duplicate: false } });
    // the same mail again (a retried webhook): answered as before, nothing stored twice
    expect(await postInbound(t.url, mail)).toMatchObject({ status: 200, body: { duplicate: true } });

    const [reply, ...more] = await repliesWithFiles(world, conversationId);
    expect(more).toEqual([]);
    expect(reply?.body).toBe(
      'Here is the photo of the box and the invoice.\n\n[Attachments not added: ' +
        'page.html (not a kind of file this site accepts), video.pdf (over the 64 KB limit)]',
    );
    // (the test's clock stands still: files stored in one instant come in id order)
    const byName = [...(reply?.files ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((f) => [f.name, f.type, f.hasThumbnail])).toEqual([
      ['IMG_0001.JPG', 'image/jpeg', true],
      ['invoice.pdf', 'application/pdf', false],
    ]);
    expect(await t.server.store.attachments.listByConversations([conversationId])).toHaveLength(2);

    // the photo was re-encoded like an upload: no EXIF (no GPS), turned upright
    const record = await t.server.store.attachments.findById(byName[0]?.id ?? '');
    const bytes = fs.readFileSync(path.join(t.dataDir, 'files', ...(record?.storageKey ?? '').split('/')));
    const metadata = await sharp(bytes).metadata();
    expect([metadata.exif, metadata.width, metadata.height]).toEqual([undefined, 32, 64]);
  });

  it('come in over the SMTP listener too', async () => {
    world = await startEmailWorld({ INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1' });
    const { conversationId, replyTo } = await ticketWithMail(world);
    const mta = nodemailer.createTransport({
      host: '127.0.0.1',
      port: world.t.server.inboundSmtpPort,
      secure: false,
      ignoreTLS: true,
    });
    try {
      const sent = await mta.sendMail({
        from: 'ada@example.com',
        to: replyTo,
        subject: 'Re: order',
        text: 'The receipt.',
        attachments: [{ filename: 'receipt.pdf', content: PDF }],
      });
      expect(sent.response).toContain('Added to the ticket');
    } finally {
      mta.close();
    }
    const [reply] = await repliesWithFiles(world, conversationId);
    expect(reply).toMatchObject({ body: 'The receipt.', files: [{ name: 'receipt.pdf', type: 'application/pdf' }] });
  });
});

describe('files of a ticket’s messages, as the console sees them', () => {
  it('come with the emailed reply live, with the ticket, and with the agent’s reply', async () => {
    world = await startEmailWorld();
    const { t } = world;
    const { conversationId, replyTo } = await ticketWithMail(world);
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const live = nextEvent<TicketMessage>(agent, 'ticket:message');
    const mail = await composeMail({
      from: 'ada@example.com',
      to: replyTo,
      text: 'The receipt.',
      attachments: [{ filename: 'receipt.pdf', content: PDF }],
    });
    expect(await postInbound(t.url, mail)).toMatchObject({ status: 201 });
    const emailed = { name: 'receipt.pdf', type: 'application/pdf', size: PDF.length, hasThumbnail: false };
    const pushed = await live;
    expect(pushed.message).toMatchObject({ body: 'The receipt.', attachments: [emailed] });

    const cookie = await login(t.url, ADMIN.email, ADMIN.password);
    const up = await agentUpload(t, cookie, conversationId, formWith('notes.txt', Buffer.from('order 1234\n')));
    expect(up.status).toBe(200);
    const reply = {
      conversationId,
      clientMessageId: clientId(),
      body: 'Thanks.',
      attachmentIds: [up.body.attachment.id],
    };
    const sent = await call<TicketMessage>(agent, 'ticket:reply', reply);
    expect(sent.message.attachments).toMatchObject([{ id: up.body.attachment.id, name: 'notes.txt' }]);
    // its ack lost, sent again: the same message with the same files
    expect((await call<TicketMessage>(agent, 'ticket:reply', reply)).message).toEqual(sent.message);

    const detail = await call<TicketDetail>(agent, 'ticket:get', { conversationId });
    expect(detail.messages.map((m) => [m.body, (m.attachments ?? []).map((a) => a.name)])).toEqual([
      ['My order never came', []],
      ['The receipt.', ['receipt.pdf']],
      ['Thanks.', ['notes.txt']],
    ]);
    expect(detail.messages[1]?.attachments).toEqual(pushed.message.attachments);
  });
});

describe('files of an agent’s ticket reply', () => {
  async function replyWithFiles(w: EmailWorld, files: Array<{ name: string; bytes: Buffer }>) {
    const { conversationId } = await ticketWithMail(w);
    const cookie = await login(w.t.url, ADMIN.email, ADMIN.password);
    const ids: string[] = [];
    for (const file of files) {
      const up = await agentUpload(w.t, cookie, conversationId, formWith(file.name, file.bytes));
      expect(up.status).toBe(200);
      ids.push(up.body.attachment.id);
    }
    const agent = await signInAgent(w.t.url, ADMIN.email, ADMIN.password);
    const reply = { conversationId, clientMessageId: clientId(), body: 'Here you are.', attachmentIds: ids };
    const sent = await call<TicketMessage>(agent, 'ticket:reply', reply);
    // the same reply again (its ack lost): the same message, its files not refused as taken
    expect((await call<TicketMessage>(agent, 'ticket:reply', reply)).message.id).toBe(sent.message.id);
    await w.t.server.mailTick();
    const mail = await w.sink.next(sentTo('ada@example.com'));
    const files2 = await w.t.server.store.attachments.listForMessages([sent.message.id]);
    return { mail, ids, linked: (files2.get(sent.message.id) ?? []).map((f) => f.id) };
  }

  it('go out attached to the mail, read from the storage', async () => {
    world = await startEmailWorld();
    const notes = Buffer.from('order 1234: shipped on Monday\n');
    const { mail, ids, linked } = await replyWithFiles(world, [
      { name: 'receipt.pdf', bytes: PDF },
      { name: 'notes.txt', bytes: notes },
    ]);
    expect([...linked].sort()).toEqual([...ids].sort());
    expect(mail.text).toContain('Attached: receipt.pdf');
    const attached = mail.attachments.map((a) => [a.filename, a.contentType, a.content.length]);
    expect(attached).toEqual([
      ['receipt.pdf', 'application/pdf', PDF.length],
      ['notes.txt', 'text/plain', notes.length],
    ]);
    expect(Buffer.compare(mail.attachments[0]?.content ?? Buffer.alloc(0), PDF)).toBe(0);
  });

  it('go out as signed links valid for 30 days when together they are over the limit', async () => {
    world = await startEmailWorld({ EMAIL_ATTACHMENTS_MAX_BYTES: '100' });
    const { mail } = await replyWithFiles(world, [{ name: 'receipt.pdf', bytes: PDF }]);
    expect(mail.attachments).toEqual([]);
    const url = /receipt\.pdf \([^)]*\): (http\S+)/.exec(mail.text ?? '')?.[1] ?? '';
    expect(mail.text).toContain('the links work until 2026-03-31');
    const file = await download(url);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.bytes, PDF)).toBe(0);
    // a day after they expire, the link opens nothing
    world.advance(31 * 24 * 60 * 60 * 1000);
    expect((await download(url)).status).toBe(404);
  });

  it('must be files of that conversation no message has yet', async () => {
    world = await startEmailWorld();
    const { conversationId } = await ticketWithMail(world);
    const agent = await signInAgent(world.t.url, ADMIN.email, ADMIN.password);
    const refused = await callRaw(agent, 'ticket:reply', {
      conversationId,
      clientMessageId: clientId(),
      body: 'x',
      attachmentIds: ['att_not_here'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await world.t.server.store.messages.listAfter(conversationId, 1, 10)).toEqual([]);
  });
});

describe.runIf(clamdAvailable)('attachments of emailed replies, scanned by clamd', () => {
  let clamd: OwnClamd;
  beforeAll(async () => {
    clamd = await startClamd();
  });
  afterAll(async () => {
    await clamd.stop();
  });

  it('leave an infected file out with a note, and keep the clean ones', async () => {
    world = await startEmailWorld({ CLAMAV_ADDRESS: clamd.address });
    const { conversationId, replyTo } = await ticketWithMail(world);
    const mail = await composeMail({
      from: 'ada@example.com',
      to: replyTo,
      text: 'Two files.',
      attachments: [
        { filename: 'readme.txt', content: EICAR },
        { filename: 'receipt.pdf', content: PDF },
      ],
    });
    expect(await postInbound(world.t.url, mail)).toMatchObject({ status: 201 });
    const [reply] = await repliesWithFiles(world, conversationId);
    expect(reply?.body).toBe(
      'Two files.\n\n[Attachments not added: readme.txt (the malware scan found something in it)]',
    );
    expect(reply?.files.map((f) => f.name)).toEqual(['receipt.pdf']);
    expect(EICAR_FOUND).toContain('EICAR');
  });

  it('refuse the mail for now when one file cannot be scanned, discarding the ones stored before it', async () => {
    const strict = await startClamd({ streamMaxBytes: 64 * 1024 });
    try {
      world = await startEmailWorld({ CLAMAV_ADDRESS: strict.address });
      const { conversationId, replyTo } = await ticketWithMail(world);
      const mail = await composeMail({
        from: 'ada@example.com',
        to: replyTo,
        text: 'Two files.',
        attachments: [
          { filename: 'receipt.pdf', content: PDF },
          // past this clamd's StreamMaxLength: no verdict
          { filename: 'log.txt', content: Buffer.alloc(200 * 1024, 'log line\n') },
        ],
      });
      expect(await postInbound(world.t.url, mail)).toMatchObject({ status: 503 });
      expect(await world.t.server.store.attachments.listByConversations([conversationId])).toEqual([]);
    } finally {
      await strict.stop();
    }
  });

  it('refuse the mail for now while the scanner is unreachable, keeping nothing, so it comes again', async () => {
    world = await startEmailWorld({
      CLAMAV_ADDRESS: `${clamd.socketPath}.gone`,
      INBOUND_SMTP_PORT: '0',
      INBOUND_SMTP_HOST: '127.0.0.1',
    });
    const { conversationId, replyTo } = await ticketWithMail(world);
    const attachments = [
      { filename: 'receipt.pdf', content: PDF },
      { filename: 'notes.txt', content: Buffer.from('order 1234') },
    ];
    const mail = await composeMail({ from: 'ada@example.com', to: replyTo, text: 'Files.', attachments });
    expect(await postInbound(world.t.url, mail)).toMatchObject({
      status: 503,
      body: { error: { code: 'scan_unavailable' } },
    });
    const mta = nodemailer.createTransport({
      host: '127.0.0.1',
      port: world.t.server.inboundSmtpPort,
      secure: false,
      ignoreTLS: true,
    });
    try {
      await expect(
        mta.sendMail({ from: 'ada@example.com', to: replyTo, subject: 'Re', text: 'Files.', attachments }),
      ).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      mta.close();
    }
    expect(await repliesWithFiles(world, conversationId)).toEqual([]);
    expect(await world.t.server.store.attachments.listByConversations([conversationId])).toEqual([]);
  });
});
