/**
 * The visitor experience in a real browser against the real server: keyboard-only use, an axe scan,
 * Arabic right-to-left, agent formatting rendered yet never executed, the phone layout, two tabs in
 * step, catch-up after the network drops, and an outbox that survives a reload while the server is down.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import type { ConversationSummary } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { call, clientId, nextEvent, signInAgent, type AgentSocket } from '../support/clients.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('the visitor experience in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let agent: AgentSocket;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    // The reload test serves the page from copies (page.route) while the server is down; Chromium
    // counts such a page as public and would block its socket to 127.0.0.1 (Local Network Access).
    browser = await launchBrowser(['--disable-features=LocalNetworkAccessChecks']);
    const record = await t.createAgent({ name: 'Ada', capacity: 20 });
    agent = await signInAgent(t.url, record.email, record.password);
  });
  // A test's pages go with it: left open, they keep reconnecting through every later test, and
  // all of them crowd into the restart of the server the reload test makes.
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    agent?.disconnect();
    await browser?.close();
    await t?.close();
  });

  async function newPage(
    options: Parameters<Browser['newContext']>[0] = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { context, page };
  }

  /** The demo page with the chat open and the message box focused. */
  async function openChat(page: Page): Promise<void> {
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
  }

  /** The visitor writes their first message; resolves with the conversation assigned to Ada. */
  async function startConversation(page: Page, text: string): Promise<string> {
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.keyboard.press('Enter');
    return (await assigned).id;
  }

  const agentSays = (conversationId: string, body: string) =>
    call(agent, 'message:send', { conversationId, clientMessageId: clientId(), body });

  const countIn = (page: Page, text: string) => page.getByRole('log').getByText(text, { exact: true }).count();

  /** What has focus, looking through the widget's shadow root. */
  // (browser code as strings: the server's TypeScript has no DOM types)
  const focused = (page: Page) =>
    page.evaluate<string>(`(() => {
      const inner = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement;
      return inner ? inner.tagName.toLowerCase() + '|' + (inner.getAttribute('aria-label') ?? '') : '';
    })()`);

  it('works with the keyboard alone: Tab to the launcher, Enter, type, Enter sends, Escape closes', async () => {
    const { page } = await newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    let steps = 0;
    while ((await focused(page)) !== 'button|Open chat') {
      expect(++steps, 'the launcher is reachable with Tab').toBeLessThan(20);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    // focus moved into the panel: typing goes straight into the message box
    await expect.poll(() => focused(page)).toBe('textarea|Message');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await expect.poll(() => countIn(page, 'Typed without a mouse')).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('button|Open chat');
    expect(await page.getByRole('log').count()).toBe(0);
  });

  it('passes an axe-core scan of the open panel', async () => {
    const { page } = await newPage();
    await openChat(page);
    const violations = await axeViolations(page, 'parley-widget');
    expect(violations).toEqual([]);
  });

  it('speaks Arabic right-to-left when the browser prefers it', async () => {
    const { page } = await newPage({ locale: 'ar-EG' });
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'افتح الدردشة' }).click();
    await page.getByRole('textbox', { name: 'رسالة' }).waitFor();
    const root = page.locator('parley-widget .root');
    expect(await root.getAttribute('dir')).toBe('rtl');
    expect(await root.getAttribute('lang')).toBe('ar');
  });

  it('renders agent formatting and runs nothing a message contains', async () => {
    const { page } = await newPage();
    await openChat(page);
    const conversationId = await startConversation(page, '<img src=x onerror="window.__pwned=1"> **not bold**');
    await agentSays(
      conversationId,
      '**Good news**, _here_ is how:\n- open [settings](https://example.com/settings)\n- avoid [this](javascript:window.__pwned=2)\n<script>window.__pwned=3</script><img src=x onerror="window.__pwned=4">',
    );
    const bold = page.getByRole('log').locator('strong', { hasText: 'Good news' });
    await bold.waitFor();
    expect(await page.getByRole('log').locator('em', { hasText: 'here' }).count()).toBe(1);
    expect(await page.getByRole('log').locator('li').count()).toBe(2);
    const link = page.getByRole('link', { name: 'settings' });
    expect(await link.getAttribute('href')).toBe('https://example.com/settings');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.getByRole('log').locator('script, img, [onerror], a[href^="javascript"]').count()).toBe(0);
    // the visitor's own text is shown literally, formatting and markup alike
    expect(await countIn(page, '<img src=x onerror="window.__pwned=1"> **not bold**')).toBe(1);
    expect(await page.evaluate<string>('typeof window.__pwned')).toBe('undefined');
  });

  it('fills a phone screen and keeps the message box in view', async () => {
    const { page } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await openChat(page);
    // the panel opens with a short slide and scale: measure where it comes to rest
    await page.evaluate(
      `Promise.all(document.querySelector('parley-widget').shadowRoot.querySelector('.panel').getAnimations().map((a) => a.finished)).then(() => true)`,
    );
    const panel = await page.locator('parley-widget .panel').boundingBox();
    expect(panel).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    const box = await page.getByRole('textbox', { name: 'Message' }).boundingBox();
    expect(box && box.y + box.height <= 844).toBe(true);
    // 16 px or more, or iOS zooms the page when the box is focused
    const fontSize = await page.evaluate<string>(
      `getComputedStyle(document.querySelector('parley-widget').shadowRoot.querySelector('textarea')).fontSize`,
    );
    expect(fontSize).toBe('16px');
  });

  it('keeps two tabs in step: messages and the open panel', async () => {
    const { context, page: first } = await newPage();
    const second = await context.newPage();
    await first.goto(`${t.url}/`);
    await second.goto(`${t.url}/`);
    // both tabs have loaded the chat app (the loader fetches it on idle): opening one opens the other
    await second.locator('parley-widget .root').waitFor({ state: 'attached' });
    // the visitor acts in the tab in front (a tab behind gets animation frames about once a second)
    await first.bringToFront();
    await first.getByRole('button', { name: 'Open chat' }).click();
    await second.getByRole('textbox', { name: 'Message' }).waitFor();
    const conversationId = await startConversation(first, 'Sent from the first tab');
    await agentSays(conversationId, 'Answer for both tabs');
    await first.getByRole('log').getByText('Answer for both tabs').waitFor();
    await second.getByRole('log').getByText('Answer for both tabs').waitFor();
    expect(await countIn(second, 'Sent from the first tab')).toBe(1);
    await second.bringToFront();
    await second.getByRole('textbox', { name: 'Message' }).fill('And this from the second');
    await second.keyboard.press('Enter');
    await first.getByRole('log').getByText('And this from the second').waitFor();
    await first.bringToFront();
    await first.keyboard.press('Escape');
    await second.getByRole('button', { name: 'Open chat' }).waitFor();
    expect(await second.getByRole('log').count()).toBe(0);
    // longer than a step's own 30 s, so a step that never happens is named in the failure
  }, 45_000);

  it('catches up once after the network drops and comes back', async () => {
    const { context, page } = await newPage();
    // Chromium's offline mode leaves an open WebSocket up, so the widget's socket goes through a
    // route the test can cut: the drop is real, and attempts while offline fail as in a tunnel
    let online = true;
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (!online) return ws.close();
      ws.connectToServer();
      sockets.push(ws);
    });
    await openChat(page);
    const conversationId = await startConversation(page, 'Before the tunnel');
    await context.setOffline(true);
    online = false;
    for (const ws of sockets.splice(0)) await ws.close();
    await page.getByText('Reconnecting…').waitFor();
    // the visitor's socket is gone: these two can only reach the page by the catch-up on resume
    await agentSays(conversationId, 'Written while you were offline');
    await agentSays(conversationId, 'And a second one');
    online = true;
    await context.setOffline(false);
    await page.getByRole('log').getByText('And a second one').waitFor();
    expect(await countIn(page, 'Written while you were offline')).toBe(1);
    expect(await countIn(page, 'And a second one')).toBe(1);
    expect(await countIn(page, 'Before the tunnel')).toBe(1);
  });

  it('delivers once a message written before a reload while the server was down', async () => {
    const { page } = await newPage();
    const tokenKey = JSON.stringify(`parley:${t.siteKey}:token`);
    const storedToken = () => page.evaluate<string | null>(`localStorage.getItem(${tokenKey})`);
    // the page and the widget's files come from the server, so keep copies to reload from while it is down
    const copies = new Map<string, { body: Buffer; contentType: string }>();
    page.on('response', (response) => {
      if (response.request().method() !== 'GET' || !response.ok()) return;
      // a body still on its way when the page closes is simply not copied
      void response.body().then(
        (body) => copies.set(response.url(), { body, contentType: response.headers()['content-type'] ?? '' }),
        () => undefined,
      );
    });
    await openChat(page);
    // the visitor was connected before the server went away (the resume stores the token): the
    // panel shows before that, and a stop in mid-handshake would be a different story
    await expect.poll(storedToken).not.toBeNull();
    await t.stop();
    await page.getByRole('textbox', { name: 'Message' }).fill('Written offline, then reloaded');
    await page.keyboard.press('Enter');
    await page.getByRole('log').getByText('Written offline, then reloaded').waitFor();
    await page.route(
      (url) => copies.has(url.href),
      (route) => {
        const copy = copies.get(route.request().url());
        return copy ? route.fulfill({ body: copy.body, contentType: copy.contentType }) : route.abort();
      },
    );
    await page.reload();
    const openAgain = page.getByRole('button', { name: 'Open chat' });
    await openAgain.click();
    await page.getByRole('log').getByText('Written offline, then reloaded').waitFor();
    // from here on the page talks to the server again (unroute needs the very matcher route was given)
    await page.unrouteAll();
    await t.start();
    await expect
      .poll(
        async () => {
          const token = await storedToken();
          const conversation = await t.server.store.conversations.findLatestByVisitor(token?.split('.')[0] ?? '');
          const messages = conversation ? await t.server.store.messages.listAfter(conversation.id, 0, 100) : [];
          return messages.map((m) => m.body);
        },
        // the widget tries again within its reconnect backoff (seconds); the rest is room for a busy machine
        { timeout: 30_000 },
      )
      .toEqual(['Written offline, then reloaded']);
    await expect.poll(() => countIn(page, 'Written offline, then reloaded')).toBe(1);
    expect(pageErrors).toEqual([]);
    // two page loads, a reload and a restart, each step with its own 30 s: longer than a step, so a
    // step that never happens is named in the failure rather than this test's timeout
  }, 90_000);
});
