/**
 * The host page tells Parley who the visitor is and where they are, through the `Parley(…)` queue,
 * in a real browser: identify and page views queued before widget.js loaded reach the server once
 * the chat connects, and a single-page app's later navigation is reported as it happens.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { html, js, startHostSite, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('identify and page views through the Parley queue', () => {
  let t: TestServer;
  let browser: Browser;
  let site: HostSite;

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    site = await startHostSite(t, {
      '/shop': {
        body: html(
          '<script src="/setup.js"></script>',
          `<h1>Shop</h1><script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`,
        ),
      },
      '/setup.js': js(
        'window.Parley=window.Parley||function(){(Parley.q=Parley.q||[]).push(arguments)};' +
          "Parley('identify',{name:'Ada Lovelace',email:'ada@example.com',attributes:{plan:'pro',seats:3}});" +
          "Parley('open');",
      ),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await t?.close();
  });

  it('sends the queued identity and pages once connected, and later SPA pages as they happen', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/shop`);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    const tokenKey = JSON.stringify(`parley:${t.siteKey}:token`);
    await expect.poll(() => page.evaluate<string | null>(`localStorage.getItem(${tokenKey})`)).not.toBeNull();
    const token = await page.evaluate<string | null>(`localStorage.getItem(${tokenKey})`);
    const visitorId = token?.split('.')[0] ?? '';

    await expect.poll(async () => (await t.server.store.visitors.findById(visitorId))?.email).toBe('ada@example.com');
    const visitor = await t.server.store.visitors.findById(visitorId);
    expect(visitor).toMatchObject({ name: 'Ada Lovelace', attributes: { plan: 'pro', seats: 3 }, verified: false });
    await expect
      .poll(async () => (await t.server.store.pageViews.listRecent(visitorId, 10)).map((v) => v.url))
      .toEqual([`${site.origin}/shop`]);

    // a single-page app moves on without a reload and says so
    await page.evaluate(
      "history.pushState({}, '', '/checkout'); document.title = 'Checkout'; Parley('trackPageView');",
    );
    await expect
      .poll(async () => (await t.server.store.pageViews.listRecent(visitorId, 10)).map((v) => [v.url, v.title]))
      .toEqual([
        [`${site.origin}/checkout`, 'Checkout'],
        [`${site.origin}/shop`, 'Host page'],
      ]);
    expect(errors).toEqual([]);
  }, 60_000);
});
