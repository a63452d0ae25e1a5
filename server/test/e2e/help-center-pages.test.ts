/**
 * The public help center in a real browser: home, category, article and search pages pass axe-core
 * with the chat widget on them, run under their policy with no violation or script error, work with
 * JavaScript off (search by the form), and the article page is kept as a screenshot to look at.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HelpArticleResponseSchema, HelpCategoryResponseSchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { signedInRest } from '../support/rest.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const BODY = `Changed your mind? You can return any order within **30 days** and get your money back.

## How to ask for a refund

1. Open [your orders](https://shop.example/orders).
2. Choose the order and press *Return*.
3. Print the label and drop the parcel at any post office.

| Paid with | Money back in |
|---|---|
| Card | 3–5 days |
| Bank transfer | 5–7 days |

> Gift cards are refunded as store credit.

Questions? Use \`ORDER-1234\` style numbers when you write to us.`;

describe.runIf(chromiumAvailable)('the public help center in a browser', () => {
  let t: TestServer;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    await t.server.store.sites.updateSettings(demo.id, { name: 'Acme Shop', color: '#4f46e5' });
    const admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const api = `/api/admin/sites/${demo.id}/help`;
    const category = HelpCategoryResponseSchema.parse(
      (
        await admin('POST', `${api}/categories`, {
          locale: 'en',
          title: 'Orders and refunds',
          description: 'Returns, refunds and order changes',
        })
      ).body,
    ).category;
    for (const [title, summary, body] of [
      ['Refund policy', 'Return any order within 30 days and get your money back.', BODY],
      ['Changing an order', 'Change the address or items before we ship.', 'Write to us before the order ships.'],
    ] as const) {
      const { article } = HelpArticleResponseSchema.parse(
        (await admin('POST', `${api}/articles`, { locale: 'en', title, summary, body, categoryId: category.id })).body,
      );
      await admin('POST', `${api}/articles/${article.id}/publish`);
    }
    base = `${t.url}/help/${t.siteKey}/en`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function watchedPage(javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|CSP violation/i.test(msg.text())) problems.push(msg.text());
    });
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
    return page;
  }

  it('passes axe on every page, with the widget loaded, and breaks no policy', async () => {
    const page = await watchedPage();
    for (const [url, heading] of [
      [`${base}/`, 'Acme Shop Help center'],
      [`${base}/categories/orders-and-refunds`, 'Orders and refunds'],
      [`${base}/articles/refund-policy`, 'Refund policy'],
      [`${base}/search?q=refunds`, 'Results for “refunds”'],
    ] as const) {
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      // the widget's launcher is there: the page offers the chat
      await page.getByRole('button', { name: /chat/i }).first().waitFor();
      expect(await axeViolations(page), url).toEqual([]);
    }
    await page.goto(`${base}/articles/refund-policy`);
    await page.getByRole('button', { name: /chat/i }).first().waitFor();
    const file = await saveScreenshot(page, 'help-center', 'article');
    expect(file).toMatch(/article\.png$/);
    expect(problems).toEqual([]);
  });

  it('works with JavaScript off: skip link, search form, results, article', async () => {
    const page = await watchedPage(false);
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Skip to content');
    await page.getByLabel('Search the help center').fill('refnds');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 1, name: 'Results for “refnds”' }).waitFor();
    await page.getByText('No exact match; these are close:').waitFor();
    await page.getByRole('link', { name: 'Refund policy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Refund policy' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
