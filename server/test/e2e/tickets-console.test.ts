/**
 * The offline path in real browsers with a real SMTP server: a visitor leaves a message while nobody
 * is online, an agent finds it on the Tickets page, answers, and the answer goes out by email
 * (outbox, then SMTP) and into the visitor's widget; the visitor's emailed reply brings a file the
 * agent sees on the ticket, and the agent's next reply takes a file along in the mail. The page
 * passes an axe-core scan.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { addresses, composeMail, INBOUND_DOMAIN, INBOUND_SECRET, postInbound, sentTo } from '../support/email.ts';
import { PDF, pngImage } from '../support/attachments.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('tickets in the console, in a real browser', () => {
  let t: TestServer;
  let sink: SmtpSink;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    sink = await startSmtpSink();
    // the real clock (not the email tests' fixed one): the browser must accept the session cookie
    t = await startTestServer({
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Parley Support <support@parley.test>',
        INBOUND_EMAIL_DOMAIN: INBOUND_DOMAIN,
        INBOUND_EMAIL_SECRET: INBOUND_SECRET,
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sink?.close();
  });

  async function newPage(who: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    return page;
  }

  it('turns an offline message into a ticket that an agent answers by email from the Tickets page', async () => {
    // Nobody is online yet: the widget offers the offline form.
    const visitor = await newPage('visitor');
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByText('No agent is online right now.').waitFor();
    await visitor.getByRole('button', { name: 'Leave a message' }).click();
    await visitor.getByLabel(/Email/).fill('ada@example.com');
    await visitor.getByLabel(/Message/).fill('My invoice shows the wrong address');
    await visitor.getByRole('button', { name: 'Leave a message' }).click();
    await visitor.getByText('Thanks! We will reply to ada@example.com.').waitFor();

    const agent = await newPage('agent');
    await signIn(agent, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await agent.getByText('Connected').waitFor();
    await agent.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Tickets' }).click();
    await agent.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    await agent.getByRole('button', { name: 'ada@example.com' }).click();
    const ticket = agent.getByRole('region', { name: 'ada@example.com' });
    await ticket.getByText('My invoice shows the wrong address').waitFor();
    expect(await axeViolations(agent)).toEqual([]);

    await ticket.getByRole('textbox', { name: 'Reply to the visitor' }).fill('Fixed: the new invoice is on its way.');
    await ticket.getByRole('button', { name: 'Send reply' }).click();
    await ticket.getByText('Fixed: the new invoice is on its way.').waitFor();
    await ticket.getByText('Pending', { exact: true }).waitFor();
    // Answered, it leaves the Open tab by the server's push.
    await agent.getByText('No open tickets.').waitFor();
    await agent.getByRole('button', { name: 'Pending' }).click();
    await agent.getByRole('button', { name: 'ada@example.com' }).waitFor();
    expect(await axeViolations(agent)).toEqual([]);

    // The visitor is still on the site: the reply shows in the widget too.
    await visitor.getByRole('log').getByText('Fixed: the new invoice is on its way.').waitFor();

    const stored = await t.server.store.outbox.list({});
    expect(stored.filter((m) => m.kind === 'ticket_reply').map((m) => m.to)).toEqual(['ada@example.com']);
    await t.server.mailTick();
    const mail = await sink.next(
      (m) => sentTo('ada@example.com')(m) && (m.text ?? '').includes('Fixed: the new invoice'),
    );
    expect(mail.subject).toMatch(/^Re: /);

    // The visitor answers the mail with a photo and a PDF: the agent sees both on the ticket, live.
    const emailed = await composeMail({
      from: 'ada@example.com',
      to: addresses(mail.replyTo)[0] ?? '',
      text: 'Here is the old invoice and a photo of the envelope.',
      attachments: [
        { filename: 'envelope.png', content: await pngImage(320, 200) },
        { filename: 'invoice.pdf', content: PDF },
      ],
    });
    expect(await postInbound(t.url, emailed)).toMatchObject({ status: 201 });
    const answer = ticket.getByRole('listitem').filter({ hasText: 'Here is the old invoice' });
    await answer.getByRole('link', { name: /invoice\.pdf/ }).waitFor();
    await answer.getByRole('button', { name: /^Open image envelope\.png/ }).waitFor();
    await answer.getByRole('img', { name: 'envelope.png' }).waitFor();
    expect(await answer.getByRole('link', { name: /invoice\.pdf/ }).textContent()).toContain('PDF');
    await answer.scrollIntoViewIfNeeded();
    await saveScreenshot(agent, 'console', 'ticket-emailed-files');
    expect(await axeViolations(agent)).toEqual([]);

    // The agent answers with a file: it goes out attached to the mail.
    await ticket.getByRole('textbox', { name: 'Reply to the visitor' }).fill('Here is the corrected invoice.');
    await ticket
      .getByLabel('Attach files')
      .setInputFiles({ name: 'corrected.pdf', mimeType: 'application/pdf', buffer: PDF });
    await ticket.getByText('corrected.pdf attached').waitFor({ state: 'attached' });
    await ticket.getByRole('button', { name: 'Send reply' }).scrollIntoViewIfNeeded();
    await saveScreenshot(agent, 'console', 'ticket-reply-with-file');
    await ticket.getByRole('button', { name: 'Send reply' }).click();
    const sent = ticket.getByRole('listitem').filter({ hasText: 'Here is the corrected invoice.' });
    await sent.getByRole('link', { name: /corrected\.pdf/ }).waitFor();
    await t.server.mailTick();
    const withFile = await sink.next((m) => (m.text ?? '').includes('Here is the corrected invoice.'));
    expect(withFile.attachments.map((a) => [a.filename, a.content.length])).toEqual([['corrected.pdf', PDF.length]]);
    expect(pageErrors).toEqual([]);
  });
});
