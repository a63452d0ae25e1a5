/**
 * Being answered when nobody can chat, in real browsers with a real SMTP server: outside business
 * hours the widget offers only the offline form (an agent being online changes nothing); a queued
 * visitor past the site's maximum wait is asked for an email and answered by email with what they
 * said; a returning visitor sees their ticket's thread and continues it while the agent watches it
 * on the Tickets page, also from another browser once the host page proves who they are; and an
 * agent finds a chat they closed after a reload and reopens it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ALWAYS_OPEN } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { call, disconnectAll, signInAgent } from '../support/clients.ts';
import { INBOUND_DOMAIN, sentTo } from '../support/email.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { userHashFor } from '../../src/domain/identity-hash.ts';
import { html, js, startHostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('being answered by email, in a real browser', () => {
  let t: TestServer;
  let sink: SmtpSink;
  let browser: Browser;
  // the real clock, moved on when a test needs time to pass (the browser must accept the session cookie)
  let shift = 0;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    sink = await startSmtpSink();
    shift = 0;
    t = await startTestServer({
      now: () => new Date(Date.now() + shift),
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Parley Support <support@parley.test>',
        INBOUND_EMAIL_DOMAIN: INBOUND_DOMAIN,
      },
    });
  });
  afterEach(async () => {
    disconnectAll();
    await t.close();
    await sink.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function newPage(who: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    return page;
  }

  async function openChat(): Promise<Page> {
    const visitor = await newPage('visitor');
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    return visitor;
  }

  async function signedInConsole(viewport?: { width: number; height: number }): Promise<Page> {
    const agent = await newPage('agent', viewport);
    await signIn(agent, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await agent.getByText('Connected').waitFor();
    return agent;
  }

  /** Ada leaves a message with the widget's offline form, open on `visitor`. */
  async function leaveMessage(visitor: Page, body: string): Promise<void> {
    await visitor.getByRole('button', { name: 'Leave a message' }).click();
    await visitor.getByLabel(/Email/).fill('ada@example.com');
    await visitor.getByLabel(/Message/).fill(body);
    await visitor.getByRole('button', { name: 'Leave a message' }).click();
    await visitor.getByText('Thanks! We will reply to ada@example.com.').waitFor();
  }

  /** An agent answers Ada's ticket from the Tickets page; the ticket's region stays open for what follows. */
  async function replyOnTicketsPage(reply: string) {
    const agent = await signedInConsole();
    await agent.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Tickets' }).click();
    await agent.getByRole('button', { name: 'ada@example.com' }).click();
    const ticket = agent.getByRole('region', { name: 'ada@example.com' });
    await ticket.getByRole('textbox', { name: 'Reply to the visitor' }).fill(reply);
    await ticket.getByRole('button', { name: 'Send reply' }).click();
    await ticket.getByText('Pending', { exact: true }).waitFor();
    return ticket;
  }

  async function demoSiteId(): Promise<string> {
    const site = await t.server.store.sites.findDemo();
    if (!site) throw new Error('no demo site');
    return site.id;
  }

  it('offers only the offline form outside business hours, even with an agent online', async () => {
    // open on no day at all: closed now, whatever the day
    await t.server.store.sites.updateSettings(await demoSiteId(), { businessHours: { ...ALWAYS_OPEN, enabled: true } });
    await call(await signInAgent(t.url, ADMIN.email, ADMIN.password), 'agent:sync', {});

    const visitor = await openChat();
    await visitor.getByText('We will reply by email.').waitFor();
    expect(await visitor.getByPlaceholder('Type your message…').count()).toBe(0);
    await visitor.getByLabel(/Email/).fill('ada@example.com');
    await visitor.getByLabel(/Message/).fill('Call me tomorrow morning');
    await visitor.getByRole('button', { name: 'Leave a message' }).click();
    await visitor.getByText('Thanks! We will reply to ada@example.com.').waitFor();

    expect(await t.server.store.conversations.listQueued()).toEqual([]);
    const [ticket] = await t.server.store.tickets.list({ limit: 5, offset: 0 });
    expect(ticket).toMatchObject({ source: 'offline', email: 'ada@example.com' });
  });

  it('asks a visitor who waited past the site’s maximum for an email, and answers there with what they said', async () => {
    await t.server.store.sites.updateSettings(await demoSiteId(), { queueMaxWaitSeconds: 60 });
    const visitor = await openChat();
    await visitor.getByPlaceholder('Type your message…').fill('Is the blue one in stock?');
    await visitor.getByPlaceholder('Type your message…').press('Enter');
    // offered before the limit already
    await visitor.getByRole('button', { name: 'Reply by email instead' }).waitFor();

    shift += 61_000;
    await t.server.mailTick();
    await visitor.getByText('We will reply by email.').waitFor();
    await visitor.getByLabel(/Email/).fill('lin@example.com');
    await visitor.getByRole('button', { name: 'Reply by email instead' }).click();
    await visitor.getByText('Thanks! We will reply to lin@example.com.').waitFor();

    await t.server.mailTick();
    const confirmation = await sink.next(sentTo('lin@example.com'));
    expect(confirmation.text).toContain('We have received your message to Demo');
    expect(confirmation.text).not.toContain('Is the blue one in stock?');
    const [ticket] = await t.server.store.tickets.list({ limit: 5, offset: 0 });
    expect(ticket).toMatchObject({ source: 'visitor', email: 'lin@example.com', status: 'open' });
  });

  it('shows a returning visitor their ticket’s thread, and what they add reaches the agent live', async () => {
    const visitor = await openChat();
    await leaveMessage(visitor, 'My parcel never came');
    const ticket = await replyOnTicketsPage('Sorry! Which order was it?');

    // the visitor comes back later: same browser, a new page load
    await visitor.reload();
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const log = visitor.getByRole('log');
    await log.getByText('My parcel never came').waitFor();
    await log.getByText('Sorry! Which order was it?').waitFor();
    await visitor.getByText('Thanks! We will reply to ada@example.com.').waitFor();
    await visitor.getByPlaceholder('Type your message…').fill('Order #77');
    await visitor.getByPlaceholder('Type your message…').press('Enter');

    // the agent still has the ticket open: it shows the message and is open again, without a reload
    await ticket.getByText('Order #77').waitFor();
    await ticket.getByText('Open', { exact: true }).waitFor();
    expect(await t.server.store.conversations.listQueued()).toEqual([]);
  });

  it('shows a verified user their ticket on another device, where they continue it', async () => {
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    // the customer's app, signed in as user u_7: it proves the user to Parley with the site's HMAC
    const userHash = userHashFor(demo.identitySecret, 'u_7');
    const host = await startHostSite(t, {
      '/account': {
        body: html(
          '<script src="/signed-in.js"></script>',
          `<h1>Your account</h1><script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`,
        ),
      },
      '/signed-in.js': js(
        'window.Parley=window.Parley||function(){(Parley.q=Parley.q||[]).push(arguments)};' +
          `Parley('identify',{id:'u_7',name:'Ada',userHash:${JSON.stringify(userHash)}});`,
      ),
    });
    try {
      // the laptop: nobody is online, so Ada leaves a message
      const laptop = await newPage('laptop');
      await laptop.goto(`${host.origin}/account`);
      await laptop.getByRole('button', { name: 'Open chat' }).click();
      await leaveMessage(laptop, 'My parcel never came');
      const ticket = await replyOnTicketsPage('Sorry! Which order was it?');

      // the phone: another browser, nothing stored, signed in to the same account
      const phone = await newPage('phone');
      await phone.goto(`${host.origin}/account`);
      await phone.getByRole('button', { name: 'Open chat' }).click();
      const log = phone.getByRole('log');
      await log.getByText('My parcel never came').waitFor();
      await log.getByText('Sorry! Which order was it?').waitFor();
      await phone.getByPlaceholder('Type your message…').fill('Order #77');
      await phone.getByPlaceholder('Type your message…').press('Enter');

      // the agent sees it in the same ticket, open again, and no live chat was started
      await ticket.getByText('Order #77').waitFor();
      await ticket.getByText('Open', { exact: true }).waitFor();
      expect(await t.server.store.conversations.listQueued()).toEqual([]);
      const tokenKey = JSON.stringify(`parley:${t.siteKey}:token`);
      const tokenOf = (page: Page) => page.evaluate<string | null>(`localStorage.getItem(${tokenKey})`);
      expect(await tokenOf(phone)).toBe(await tokenOf(laptop));
    } finally {
      await host.close();
    }
  });

  it('lists a chat the agent closed after a reload, reopens it, and works at tablet size', async () => {
    const agent = await signedInConsole({ width: 768, height: 1024 });
    const visitor = await openChat();
    await visitor.getByPlaceholder('Type your message…').fill('Where do I change my address?');
    await visitor.getByPlaceholder('Type your message…').press('Enter');

    const mine = agent.getByRole('region', { name: 'My conversations' });
    await mine.getByText('Where do I change my address?').click();
    // the open conversation, named after the (anonymous) visitor's made-up name
    const conversation = agent.getByRole('main').getByRole('region');
    await conversation.getByRole('button', { name: 'Close conversation' }).click();
    await visitor.locator('parley-widget .status', { hasText: 'This conversation has ended' }).waitFor();

    await agent.reload();
    await agent.getByText('Connected').waitFor();
    const closed = agent.getByRole('region', { name: 'Closed' });
    await closed.getByText('Where do I change my address?').click();
    await agent.getByRole('button', { name: 'Reopen conversation' }).click();
    await mine.getByText(/reopened the conversation/).waitFor();
    await visitor
      .getByRole('log')
      .getByText(/reopened the conversation/)
      .waitFor();

    // at 768×1024 nav, list and conversation are all on screen and nothing scrolls sideways
    for (const region of [
      agent.getByRole('navigation', { name: 'Console pages' }),
      agent.getByRole('navigation', { name: 'Conversations' }),
      agent.getByRole('textbox', { name: 'Message' }),
    ]) {
      expect(await region.isVisible()).toBe(true);
    }
    const overflow = await agent.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
