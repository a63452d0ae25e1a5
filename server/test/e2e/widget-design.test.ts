/**
 * The widget's design in a real browser (issue 18): what screen readers hear during a scripted
 * conversation (each message once, nothing for delivery states, the end announced), where the
 * focus lands at each step of a keyboard-only chat, axe-core scans of every state in light and
 * dark, and screenshots at desktop, 375 px, 320 px, 200 % zoom and in Arabic, written to
 * test-results/screenshots/widget/ for people to look at (not compared pixel by pixel).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConversationSummary, Message, WidgetTheme } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { call, clientId, nextEvent, signInAgent, type AgentSocket } from '../support/clients.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'test-results/screenshots/widget');

describe.runIf(chromiumAvailable)('the widget’s design in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let agent: AgentSocket;
  let siteId: string;
  let ada: { email: string; password: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    fs.mkdirSync(shots, { recursive: true });
    t = await startTestServer();
    browser = await launchBrowser();
    ada = await t.createAgent({ name: 'Ada', capacity: 50 });
    agent = await signInAgent(t.url, ada.email, ada.password);
    siteId = (await t.server.store.sites.findDemo())?.id ?? '';
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await t.server.store.sites.updateSettings(siteId, { theme: 'light' });
  });
  afterAll(async () => {
    agent?.disconnect();
    await browser?.close();
    await t?.close();
  });

  async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  async function openChat(page: Page): Promise<void> {
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: /^(Open chat|افتح الدردشة)$/ }).click();
    await page.getByRole('textbox').first().waitFor();
  }

  async function startConversation(page: Page, text: string): Promise<string> {
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.getByRole('textbox', { name: /^(Message|رسالة)$/ }).fill(text);
    await page.keyboard.press('Enter');
    return (await assigned).id;
  }

  const agentSays = (conversationId: string, body: string) =>
    call<{ message: Message }>(agent, 'message:send', { conversationId, clientMessageId: clientId(), body });

  /** Starts recording every text put into the widget's live regions (browser code as a string: no DOM types here). */
  const recordAnnouncements = (page: Page) =>
    page.evaluate(`(() => {
      window.__said = [];
      const shadow = document.querySelector('parley-widget').shadowRoot;
      const observer = new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) {
            const text = (node.textContent || '').trim();
            const live = (node.nodeType === 1 ? node : node.parentElement)?.closest('[aria-live]');
            if (text && live && live.getAttribute('aria-live') !== 'off') window.__said.push(text);
          }
      });
      observer.observe(shadow, { childList: true, subtree: true });
    })()`);
  const announced = (page: Page) => page.evaluate<string[]>('window.__said');
  const waitToHear = (page: Page, text: string) =>
    page.waitForFunction(`window.__said.some((said) => said.includes(${JSON.stringify(text)}))`);

  /** What has focus inside the widget: tag, and accessible name or text. */
  const focused = (page: Page) =>
    page.evaluate<string>(`(() => {
      const inner = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
      if (!inner) return '';
      const name = inner.getAttribute('aria-label') ?? (inner.textContent || '').trim().slice(0, 40);
      return inner.tagName.toLowerCase() + '|' + name;
    })()`);

  /** Resolves once the widget's finite animations (opening, bubbles fading in) are over: axe and the eye see the end state. */
  const settled = (page: Page) =>
    page.evaluate(`Promise.all(document.querySelector('parley-widget').shadowRoot.getAnimations()
      .filter((animation) => animation.effect.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished))`);
  const shot = async (page: Page, name: string) => {
    await settled(page);
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };

  it('announces each message once, nothing for delivery states, and the end of the chat', async () => {
    const page = await newPage();
    await openChat(page);
    await recordAnnouncements(page);
    const conversationId = await startConversation(page, 'Where is my order?');
    await waitToHear(page, 'Chatting with Ada');
    await agentSays(conversationId, 'Happy to help! It ships today.');
    await waitToHear(page, 'Ada: Happy to help! It ships today.');
    const second = 'Thanks a lot';
    await page.getByRole('textbox', { name: 'Message' }).fill(second);
    await page.keyboard.press('Enter');
    await page.getByRole('log').getByText(second).waitFor();
    // the agent reads it: "Seen" appears on screen, and is not read out
    const seq = (await t.server.store.conversations.findById(conversationId))?.lastSeq ?? 0;
    await call(agent, 'message:seen', { conversationId, seq });
    await page.getByRole('log').getByText('Seen').waitFor();
    await call(agent, 'conversation:close', { conversationId });
    await waitToHear(page, 'This conversation has ended');

    const said = await announced(page);
    const times = (text: string) => said.filter((entry) => entry === text).length;
    expect(times('Where is my order?')).toBe(1);
    expect(times('Ada: Happy to help! It ships today.')).toBe(1);
    expect(times(second)).toBe(1);
    expect(said.filter((entry) => /^(Sending…|Sent|Seen|Not sent)$/.test(entry))).toEqual([]);
    expect(times('This conversation has ended')).toBe(1);
  });

  it('announces an agent message while the panel is closed, and shows a preview by the launcher', async () => {
    const page = await newPage();
    await openChat(page);
    const conversationId = await startConversation(page, 'Hello?');
    await page.keyboard.press('Escape');
    await recordAnnouncements(page);
    await agentSays(conversationId, 'Hi! Still there?');
    await waitToHear(page, 'Ada: Hi! Still there?');
    await page.locator('parley-widget .bubble').getByText('Hi! Still there?').waitFor();
    await shot(page, 'desktop-light-preview');
    await call(agent, 'conversation:close', { conversationId });
  });

  it('keeps the focus somewhere sensible at every step of a keyboard-only chat', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    let steps = 0;
    while ((await focused(page)) !== 'button|Open chat') {
      expect(++steps, 'the launcher is reachable with Tab').toBeLessThan(20);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('textarea|Message');
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.keyboard.type('Only the keyboard');
    await page.keyboard.press('Enter');
    const { id: conversationId } = await assigned;
    // after sending, still in the message box (a phone's keyboard stays open)
    expect(await focused(page)).toBe('textarea|Message');
    await call(agent, 'conversation:close', { conversationId });
    // the message box went with the chat: the end-of-chat card has the focus, not <body>
    await expect.poll(() => focused(page)).toBe('div|Chat ended');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input|1 star');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('input|4 stars');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^textarea\|/);
    await page.keyboard.type('Fast');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button|Send rating');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('p|Thanks for your feedback!');
    expect((await t.server.store.conversations.findById(conversationId))?.rating).toBe(4);
    // on to "Start a new chat": past the transcript's field and button
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button|Start a new chat');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('textarea|Message');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('button|Open chat');
  });

  for (const theme of ['light', 'dark'] as const satisfies readonly WidgetTheme[]) {
    it(`passes axe-core in every state, ${theme}, and leaves screenshots`, async () => {
      await t.server.store.sites.updateSettings(siteId, { theme });
      const page = await newPage({ viewport: { width: 1280, height: 800 } });
      const scan = async (state: string) => {
        await settled(page);
        expect(await axeViolations(page, 'parley-widget'), `${theme}: ${state}`).toEqual([]);
        await shot(page, `desktop-${theme}-${state}`);
      };
      await page.goto(`${t.url}/`);
      await page.getByRole('button', { name: 'Open chat' }).waitFor();
      expect(await page.locator('parley-widget .root').getAttribute('data-theme')).toBe(theme);
      await scan('closed');
      await page.getByRole('button', { name: 'Open chat' }).click();
      await page.getByRole('textbox', { name: 'Message' }).waitFor();
      await scan('open');
      const conversationId = await startConversation(page, 'Do you ship to Norway?');
      await agentSays(conversationId, 'We do! **Two to four days**, tracked.');
      await agentSays(conversationId, 'Anything else I can help with?');
      await page.getByRole('log').getByText('Anything else I can help with?').waitFor();
      agent.emit('typing:start', { conversationId });
      await page.locator('parley-widget .typing').waitFor();
      await scan('conversation');
      await call(agent, 'conversation:close', { conversationId });
      await page.getByRole('radio', { name: '5 stars' }).waitFor();
      await scan('ended');
      await page.getByRole('radio', { name: '5 stars' }).check();
      await page.getByRole('button', { name: 'Send rating' }).waitFor();
      await scan('rating');
      await page.getByRole('button', { name: 'Send rating' }).click();
      await page.getByText('Thanks for your feedback!').waitFor();
      await scan('rated');
    });
  }

  it('follows the visitor’s system for the auto theme', async () => {
    await t.server.store.sites.updateSettings(siteId, { theme: 'auto' });
    const page = await newPage({ colorScheme: 'dark' });
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    const theme = page.locator('parley-widget .root');
    expect(await theme.getAttribute('data-theme')).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme.getAttribute('data-theme')).toBe('light');
  });

  const layouts: [string, Parameters<Browser['newContext']>[0]][] = [
    ['375', { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true }],
    ['320', { viewport: { width: 320, height: 600 }, hasTouch: true, isMobile: true }],
    // 200 % zoom: half the CSS pixels at twice the density
    ['zoom-200', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
    ['arabic-375', { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, locale: 'ar-EG' }],
    ['arabic-desktop', { viewport: { width: 1280, height: 800 }, locale: 'ar-EG' }],
  ];
  for (const [name, options] of layouts) {
    it(`lays out a conversation at ${name}`, async () => {
      const page = await newPage(options);
      await openChat(page);
      await shot(page, `${name}-open`);
      const conversationId = await startConversation(page, 'How long does delivery take?');
      await agentSays(conversationId, 'Usually two days. We answer within a few minutes.');
      await page.getByRole('log').getByText('Usually two days. We answer within a few minutes.').waitFor();
      await shot(page, `${name}-conversation`);
      expect(await axeViolations(page, 'parley-widget')).toEqual([]);
      await call(agent, 'conversation:close', { conversationId });
      await page.getByRole('radio').first().waitFor();
      await shot(page, `${name}-ended`);
    });
  }

  it('shows the leave-a-message form with readable errors and a clear confirmation', async () => {
    // nobody online: Ada signs out of the console for this test
    agent.disconnect();
    try {
      const page = await newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
      await openChat(page);
      await page.locator('parley-widget .banner', { hasText: 'No agent is online right now.' }).waitFor();
      // honest header: nobody listed while nobody is online
      expect(await page.locator('parley-widget .header .faces').count()).toBe(0);
      await shot(page, '375-nobody-online');
      await page.getByRole('button', { name: 'Leave a message' }).click();
      await page.getByRole('button', { name: 'Leave a message' }).click();
      await page.getByText('Please fill this in.').first().waitFor();
      expect(await axeViolations(page, 'parley-widget')).toEqual([]);
      await shot(page, '375-offline-form-errors');
      await page.getByLabel(/Email/).fill('ada@example.com');
      await page.getByLabel(/Message/).fill('Please call me back about my order');
      await page.getByRole('button', { name: 'Leave a message' }).click();
      await page.locator('parley-widget .done', { hasText: 'Thanks! We will reply to ada@example.com.' }).waitFor();
      await shot(page, '375-offline-form-sent');
    } finally {
      agent = await signInAgent(t.url, ada.email, ada.password);
    }
  });

  it('traps the focus in the full-screen phone panel', async () => {
    const page = await newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
    await openChat(page);
    expect(await page.locator('parley-widget .root').getAttribute('aria-modal')).toBe('true');
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate<string>('document.activeElement?.tagName.toLowerCase() ?? ""'));
    }
    // every stop is inside the widget's host element: nothing of the page beneath
    expect([...seen]).toEqual(['parley-widget']);
  });
});
