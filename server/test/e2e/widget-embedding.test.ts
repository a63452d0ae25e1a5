/**
 * widget.js on other people's pages, in a real browser: a hostile page (aggressive global CSS,
 * conflicting globals, a strict CSP without 'unsafe-inline'/'unsafe-eval') still gets a working
 * chat with no CSP violation; `Parley(…)` calls made before the loader arrived are honoured; and
 * the app chunk is fetched only when needed, its launcher taking over the focus from the stand-in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConversationSummary } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { call, clientId, disconnectAll, nextEvent, signInAgent } from '../support/clients.ts';
import { css, html, js, startHostSite, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The directives README.md tells site owners to add for Parley, on top of a strict policy. */
function strictCsp(parley: string): string {
  const host = new URL(parley).host;
  return `default-src 'self'; script-src 'self' ${parley}; connect-src ${parley} ws://${host}; style-src 'self'; img-src 'self' data:`;
}

describe.runIf(chromiumAvailable)('widget.js embedded on a host page', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let site: HostSite | null = null;
  const problems: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    t = await startTestServer();
    context = await browser.newContext();
    problems.length = 0;
  });
  afterEach(async () => {
    await context.close();
    await site?.close();
    site = null;
    disconnectAll();
    await t.close();
  });

  /** A page that reports errors and CSP violations into `problems`. */
  async function watchedPage(): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text()))
        problems.push(`console: ${msg.text()}`);
    });
    // runs before the page's own scripts (through the debugging protocol, so the CSP does not apply)
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
    return page;
  }

  const snippet = (extra = ''): string =>
    `<script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"${extra}></script>`;

  it('works on a hostile page with a strict CSP: opens, sends and receives, with no violation', async () => {
    site = await startHostSite(t, {
      '/': {
        body: html(
          '<link rel="stylesheet" href="/hostile.css"><script src="/hostile.js"></script>',
          `<h1>Shop</h1><button>Buy</button>${snippet()}`,
        ),
        headers: { 'content-security-policy': strictCsp(t.url) },
      },
      // everything a careless or hostile stylesheet can throw at an embedded widget
      '/hostile.css': css(
        '* { all: unset !important; font-size: 40px !important; } button { display: none !important; } div { position: static !important; }',
      ),
      // globals that clash with the names of the widget's own libraries
      '/hostile.js': js(
        "window.io = function () { throw new Error('host io'); }; window.h = function () { throw new Error('host h'); };" +
          " window.Preact = { render: function () { throw new Error('host Preact'); } }; window.process = { env: { NODE_ENV: 'development' } };",
      ),
    });
    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    const page = await watchedPage();
    await page.goto(`${site.origin}/`);

    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.click();
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.waitFor();
    // the page's `* { font-size: 40px !important }` does not reach into the shadow root (the message
    // box is 16 px by the widget's own rule, so iOS does not zoom into it)
    expect(
      await page.evaluate<string>(
        "getComputedStyle(document.querySelector('parley-widget').shadowRoot.querySelector('textarea')).fontSize",
      ),
    ).toBe('16px');
    expect(await page.getByRole('button', { name: 'Close chat' }).boundingBox()).toMatchObject({
      width: 56,
      height: 56,
    });

    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await box.fill('Hello from a hostile page');
    await page.getByRole('button', { name: 'Send' }).click();
    // the agent is online, so the first message's conversation goes straight to them
    const { id: conversationId, lastMessage } = await assigned;
    expect(lastMessage?.body).toBe('Hello from a hostile page');
    await call(agent, 'message:send', { conversationId, clientMessageId: clientId(), body: 'Hello, hostile page!' });
    await page.getByRole('log').getByText('Hello, hostile page!').waitFor();
    // the host page's own button is still hidden by its own CSS: no style leaked out either
    expect(await page.locator('body > button').isVisible()).toBe(false);
    expect(problems).toEqual([]);
  }, 60_000);

  it('honours Parley() calls made before widget.js loaded: the panel opens, ready fires', async () => {
    site = await startHostSite(t, {
      '/': {
        body: html('<script src="/stub.js"></script>', snippet()),
        headers: { 'content-security-policy': strictCsp(t.url) },
      },
      // the documented stub, in a same-origin file so a strict CSP needs no nonce for it
      '/stub.js': js(
        'window.Parley=window.Parley||function(){(Parley.q=Parley.q||[]).push(arguments)};' +
          'document.documentElement.dataset.before = String(Parley.loaded === undefined);' +
          "Parley('on','ready',function(e){document.documentElement.dataset.ready=e.siteKey});" +
          "Parley('open');",
      ),
    });
    const page = await watchedPage();
    await page.goto(`${site.origin}/`);
    await page.getByRole('log').waitFor();
    await page.locator(`html[data-ready="${t.siteKey}"]`).waitFor({ state: 'attached' });
    expect(await page.evaluate<string>('document.documentElement.dataset.before')).toBe('true');
    expect(await page.getByRole('button', { name: 'Close chat' }).getAttribute('aria-expanded')).toBe('true');
    expect(problems).toEqual([]);
  }, 60_000);

  it('fetches only the loader until the launcher is clicked (data-load="interaction")', async () => {
    site = await startHostSite(t, { '/': { body: html('', snippet(' data-load="interaction"')) } });
    const page = await watchedPage();
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(t.url)) requested.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.origin}/`, { waitUntil: 'load' });
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    // the launcher is drawn by the loader from the site config: no app chunk, no socket yet
    expect(requested).toEqual(['/widget.js', `/api/widget/config/${t.siteKey}`]);

    const chunk = page.waitForRequest((request) => /\/widget\/app-[\w-]+\.js$/.test(request.url()));
    await launcher.click();
    await chunk;
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(requested.filter((p) => p.startsWith('/widget/app-'))).toHaveLength(1);
    expect(problems).toEqual([]);
  }, 60_000);

  it('keeps the keyboard focus on the launcher when the app’s replaces the loader’s', async () => {
    site = await startHostSite(t, {
      '/': { body: html('', `<a href="#top">Skip to content</a>${snippet(' data-load="interaction"')}`) },
    });
    const page = await watchedPage();
    await page.goto(`${site.origin}/`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    /** Where the focus is: `parley-launcher` or `parley-widget` with the label of the button inside, else the tag. */
    const focused = () =>
      page.evaluate<string>(`(() => {
        const outer = document.activeElement;
        const inner = outer?.shadowRoot?.activeElement;
        return outer.tagName.toLowerCase() + (inner ? '|' + inner.getAttribute('aria-label') : '');
      })()`);
    let steps = 0;
    // The app is not fetched until the visitor shows interest, so Tab reaches the loader's stand-in.
    // Its focus fetches the app, which may take over before the focus is read: either launcher ends the Tabs.
    const launchers = ['parley-launcher|Open chat', 'parley-widget|Open chat'];
    while (!launchers.includes(await focused())) {
      expect(++steps, 'the launcher is reachable with Tab').toBeLessThan(10);
      await page.keyboard.press('Tab');
    }
    // the app's launcher took over the focus, so Enter still opens the chat
    await page.locator('parley-launcher').waitFor({ state: 'detached' });
    expect(await focused()).toBe('parley-widget|Open chat');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('parley-widget|Message');
    expect(problems).toEqual([]);
  }, 60_000);

  it('fetches the app chunk by itself once the page is idle (the default)', async () => {
    site = await startHostSite(t, { '/': { body: html('', snippet()) } });
    const page = await watchedPage();
    const chunk = page.waitForRequest((request) => /\/widget\/app-[\w-]+\.js$/.test(request.url()));
    await page.goto(`${site.origin}/`);
    const response = await (await chunk).response();
    // content-hashed, so cached for good; a module script, so CORS must let the host page in
    expect(response?.headers()['cache-control']).toMatch(/immutable/);
    expect(response?.headers()['access-control-allow-origin']).toBe('*');
    // the app's launcher replaces the loader's: exactly one on the page
    await page.locator('parley-widget').waitFor({ state: 'attached' });
    await page.locator('parley-launcher').waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Open chat' }).count()).toBe(1);
    expect(problems).toEqual([]);
  }, 60_000);
});
