/**
 * The widget's forms in a real browser against the real server: leaving a message while nobody is
 * online, the site's pre-chat form (by mouse and by keyboard alone), rating an ended chat and
 * asking for its transcript, each stored on the server and clean in an axe-core scan; and the
 * phone header, clear of the close button in right-to-left and left-cornered layouts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConversationSummary, WidgetConfig } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { call, nextEvent, signInAgent, type AgentSocket } from '../support/clients.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NO_PRE_CHAT: WidgetConfig['preChat'] = { enabled: false, fields: [] };

describe.runIf(chromiumAvailable)('the visitor’s forms in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const agents: AgentSocket[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const agent of agents.splice(0)) agent.disconnect();
    for (const context of contexts.splice(0)) await context.close();
    await setPreChat(NO_PRE_CHAT);
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function setPreChat(preChat: WidgetConfig['preChat']): Promise<void> {
    const site = await t.server.store.sites.findByKey(t.siteKey);
    if (!site) throw new Error('no demo site');
    await t.server.store.sites.updateSettings(site.id, { preChat });
  }

  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  /** An agent online (and so in the widget's header), signed out after the test. */
  async function agentOnline(name: string): Promise<AgentSocket> {
    const record = await t.createAgent({ name, capacity: 5 });
    const agent = await signInAgent(t.url, record.email, record.password);
    agents.push(agent);
    await call(agent, 'agent:sync', {});
    return agent;
  }

  async function visitorOf(page: Page): Promise<string> {
    const token = await page.evaluate<string | null>(
      `localStorage.getItem(${JSON.stringify(`parley:${t.siteKey}:token`)})`,
    );
    return token?.split('.')[0] ?? '';
  }

  /** What has focus, looking through the widget's shadow root (browser code as a string: no DOM types here). */
  const focused = (page: Page) =>
    page.evaluate<string>(`(() => {
      const inner = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
      return inner ? inner.tagName.toLowerCase() + '|' + (inner.id || inner.getAttribute('aria-label') || inner.textContent) : '';
    })()`);

  // first: nobody has been online on this server yet
  it('leaves a message while nobody is online: an offline conversation, confirmed on screen', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByText('No agent is online right now.').waitFor();
    await page.getByRole('button', { name: 'Leave a message' }).click();
    await page.getByRole('button', { name: 'Leave a message' }).click();
    await page.getByText('Please fill this in.').first().waitFor();
    expect(await axeViolations(page, 'parley-widget')).toEqual([]);
    await page.getByLabel(/Email/).fill('ada@example.com');
    await page.getByLabel(/Message/).fill('Please call me back about my order');
    await page.getByRole('button', { name: 'Leave a message' }).click();
    await page.getByText('Thanks! We will reply to ada@example.com.').waitFor();
    expect(await page.getByRole('log').getByText('Please call me back about my order').count()).toBe(1);

    const conversation = await t.server.store.conversations.findLatestByVisitor(await visitorOf(page));
    expect(conversation).toMatchObject({ status: 'offline', visitorEmail: 'ada@example.com', agent: null });
    const messages = await t.server.store.messages.listAfter(conversation?.id ?? '', 0, 10);
    expect(messages.map((m) => m.body)).toEqual(['Please call me back about my order']);
  });

  it('asks the pre-chat questions; the answers name the conversation and the question starts it', async () => {
    await setPreChat({
      enabled: true,
      fields: [
        { field: 'name', required: false },
        { field: 'email', required: true },
        { field: 'message', required: true },
      ],
    });
    const agent = await agentOnline('Grace');
    const page = await newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    // the team is in the header
    await page.locator('parley-widget .status').getByText(/Grace/).waitFor();
    await page.getByLabel('Name').fill('Ada');
    await page.getByLabel(/Email/).fill('not an email');
    await page.getByLabel(/How can we help/).fill('Where is my order?');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await page.getByText('Please enter a valid email address.').waitFor();
    expect(await axeViolations(page, 'parley-widget')).toEqual([]);
    await page.getByLabel(/Email/).fill('ada@example.com');
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.getByRole('button', { name: 'Start chat' }).click();
    expect(await assigned).toMatchObject({ visitorName: 'Ada', visitorEmail: 'ada@example.com' });
    await page.getByRole('log').getByText('Where is my order?').waitFor();
    await page.locator('parley-widget .status', { hasText: 'Chatting with Grace' }).waitFor();
    // from here on it is a chat: the message box, and no form again
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    const conversation = await t.server.store.conversations.findLatestByVisitor(await visitorOf(page));
    const messages = await t.server.store.messages.listAfter(conversation?.id ?? '', 0, 10);
    expect(messages.map((m) => m.body)).toEqual(['Where is my order?']);
  });

  it('fills in the pre-chat form with the keyboard alone', async () => {
    await setPreChat({
      enabled: true,
      fields: [
        { field: 'email', required: true },
        { field: 'message', required: true },
      ],
    });
    const agent = await agentOnline('Hedy');
    const page = await newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    let steps = 0;
    while ((await focused(page)) !== 'button|Open chat') {
      expect(++steps, 'the launcher is reachable with Tab').toBeLessThan(20);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    // focus lands in the form's first field
    await expect.poll(() => focused(page)).toBe('input|parley-email');
    await page.keyboard.type('kay@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button|Start chat');
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.keyboard.press('Enter');
    expect(await assigned).toMatchObject({ visitorEmail: 'kay@example.com' });
    await page.getByRole('log').getByText('Typed without a mouse').waitFor();
  });

  it('rates an ended chat and asks for its transcript; both are stored', async () => {
    const agent = await agentOnline('Ida');
    const page = await newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.getByRole('textbox', { name: 'Message' }).fill('My parcel is late');
    await page.keyboard.press('Enter');
    const { id } = await assigned;
    await call(agent, 'conversation:close', { conversationId: id });
    await page.locator('parley-widget .status', { hasText: 'This conversation has ended' }).waitFor();
    expect(await axeViolations(page, 'parley-widget')).toEqual([]);
    await page.getByRole('radio', { name: '4 stars' }).check();
    await page.getByLabel(/Anything to add/).fill('Quick and kind');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thanks for your feedback!').waitFor();
    await page.getByLabel(/Email/).fill('ida.visitor@example.com');
    await page.getByRole('button', { name: 'Email me the transcript' }).click();
    await page.getByText('We will email the transcript to ida.visitor@example.com.').waitFor();

    expect(await t.server.store.conversations.findById(id)).toMatchObject({
      status: 'closed',
      rating: 4,
      ratingComment: 'Quick and kind',
    });
    expect(await t.server.store.transcriptRequests.listPending(10)).toEqual([
      expect.objectContaining({ conversationId: id, email: 'ida.visitor@example.com' }),
    ]);
    // a new chat is one click away
    await page.getByRole('button', { name: 'Start a new chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
  });

  it('keeps the phone header clear of the close button, right-to-left and in the left corner', async () => {
    await agentOnline('Jo');
    for (const [locale, position] of [
      ['ar-EG', 'right'],
      ['en-GB', 'left'],
      ['ar-EG', 'left'],
    ] as const) {
      const page = await newPage({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.goto(`${t.url}/`);
      await page.locator('parley-widget .root').waitFor({ state: 'attached' });
      await page.evaluate(`Parley('setTheme', { position: ${JSON.stringify(position)} }); Parley('open')`);
      const box = page.getByRole('textbox', { name: locale === 'ar-EG' ? 'رسالة' : 'Message' });
      await box.fill('Hello from a phone');
      await page.keyboard.press('Enter');
      const end = page.locator('parley-widget .end');
      await end.waitFor();
      const close = await page.locator('parley-widget .launcher').boundingBox();
      expect(close, `${locale} ${position}`).not.toBeNull();
      for (const part of ['.title', '.status', '.end', '.faces']) {
        const other = await page.locator(`parley-widget ${part}`).boundingBox();
        if (!close || !other) throw new Error(`${part} is not on screen (${locale} ${position})`);
        const overlaps =
          close.x < other.x + other.width &&
          other.x < close.x + close.width &&
          close.y < other.y + other.height &&
          other.y < close.y + close.height;
        expect(overlaps, `${part} under the close button (${locale} ${position})`).toBe(false);
      }
      // the close button sits in the corner the widget was put in
      expect(position === 'left' ? close?.x : 390 - ((close?.x ?? 0) + (close?.width ?? 0))).toBe(20);
    }
  });
});
