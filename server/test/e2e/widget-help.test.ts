/**
 * help-widget in a real browser: a visitor writing a first message sees a matching article
 * suggested, opens it in the panel and says it helped, and nothing reaches the agents (the events
 * name the visitor, which the agent's API then lists); a help-first site opens on the help view,
 * in Arabic right to left too; Parley('openArticle') and Parley('searchHelp') open the panel on
 * either. axe scans each state; screenshots at desktop size, 375 px and right to left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HelpArticleResponseSchema, VisitorHelpResponseSchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { disconnectAll } from '../support/clients.ts';
import { signedInRest, type Rest } from '../support/rest.ts';
import { html, startHostSite, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(root, 'test-results/screenshots/widget-help');

describe.runIf(chromiumAvailable)('the help center in the widget, in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let site: HostSite;
  let admin: Rest;
  let siteId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    fs.mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    t = await startTestServer();
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    siteId = demo.id;
    admin = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    for (const [slug, title, summary, body] of [
      ['refunds', 'Refund policy', 'Money back within 30 days.', 'We refund **every** order within 30 days.'],
      ['shipping', 'Shipping times', 'Where we ship and how fast.', 'Orders ship in 2 days.'],
    ] as const) {
      const created = HelpArticleResponseSchema.parse(
        (await admin('POST', `/api/admin/sites/${siteId}/help/articles`, { locale: 'en', slug, title, summary, body }))
          .body,
      ).article;
      await admin('POST', `/api/admin/sites/${siteId}/help/articles/${created.id}/publish`);
    }
    site = await startHostSite(t, {
      '/': {
        body: html('', `<h1>Shop</h1><script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`),
      },
    });
    context = await browser.newContext();
    problems.length = 0;
  });
  afterEach(async () => {
    await context.close();
    await site.close();
    disconnectAll();
    await t.close();
    expect(problems).toEqual([]);
  });

  async function visit(size?: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    if (size) await page.setViewportSize(size);
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${site.origin}/`);
    await page.waitForFunction(() => typeof Reflect.get(globalThis, 'Parley') === 'function');
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const parley = Reflect.get(globalThis, 'Parley') as (...args: unknown[]) => void;
          parley('on', 'ready', resolve);
        }),
    );
    return page;
  }
  const parley = (page: Page, ...args: string[]) =>
    page.evaluate((call) => (Reflect.get(globalThis, 'Parley') as (...a: string[]) => void)(...call), args);
  const settled = (page: Page) =>
    page.evaluate(`Promise.all(document.querySelector('parley-widget').shadowRoot.getAnimations()
      .filter((animation) => animation.effect.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => {})))`);
  const shot = async (page: Page, name: string) => {
    await settled(page);
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  };
  const scan = async (page: Page) => expect(await axeViolations(page, 'parley-widget')).toEqual([]);

  it('suggests an article while the visitor writes; it helped, and no chat starts', async () => {
    const page = await visit();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('How do I get a refund for my order');
    await page.getByRole('heading', { name: 'These might answer your question' }).waitFor();
    await scan(page);
    await shot(page, 'suggestions-desktop');

    await page.getByRole('button', { name: /Refund policy/ }).click();
    await page.getByRole('heading', { name: 'Refund policy' }).waitFor();
    expect(await page.locator('parley-widget .article-body strong').textContent()).toBe('every');
    const full = page.getByRole('link', { name: 'Open the full page' });
    expect(await full.getAttribute('href')).toBe(`${t.url}/help/${t.siteKey}/en/articles/refunds`);
    await scan(page);
    await shot(page, 'article-desktop');
    await page.getByRole('button', { name: 'Yes' }).click();
    await page.getByText('Great, glad it helped!').waitFor();

    // the events name the visitor: the agent's API lists what they met
    const token = await page.evaluate((key) => localStorage.getItem(`parley:${key}:token`), t.siteKey);
    const visitorId = token?.split('.')[0] ?? '';
    await expect
      .poll(
        async () =>
          VisitorHelpResponseSchema.parse((await admin('GET', `/api/help/visitors/${visitorId}/articles`)).body)
            .articles,
      )
      .toContainEqual(expect.objectContaining({ slug: 'refunds', shown: true, opened: true, helpful: true }));
    // deflected: no conversation was started
    expect(await t.server.store.conversations.findLatestByVisitor(visitorId)).toBeUndefined();

    // Back leads to the chat, the draft kept
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe(
      'How do I get a refund for my order',
    );
  }, 60_000);

  it('opens a help-first site on the help view, at 375 px and in Arabic; the API opens articles and searches', async () => {
    await t.server.store.sites.updateSettings(siteId, { helpMode: 'help-first' });
    const page = await visit({ width: 375, height: 740 });
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('heading', { name: 'Popular articles' }).waitFor();
    await page.getByRole('button', { name: /Shipping times/ }).waitFor();
    await scan(page);
    await shot(page, 'help-first-375');

    await parley(page, 'openArticle', 'shipping');
    await page.getByRole('heading', { name: 'Shipping times' }).waitFor();
    await parley(page, 'searchHelp', 'refund');
    expect(await page.getByRole('searchbox', { name: 'Search help articles' }).inputValue()).toBe('refund');
    await page.getByRole('heading', { name: 'Articles', exact: true }).waitFor();
    await page.getByRole('button', { name: /Refund policy/ }).waitFor();

    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();

    await parley(page, 'setLocale', 'ar');
    await parley(page, 'searchHelp', '');
    await page.getByRole('heading', { name: 'المقالات الشائعة' }).waitFor();
    expect(await page.locator('parley-widget .root').getAttribute('dir')).toBe('rtl');
    await scan(page);
    await shot(page, 'help-first-rtl-375');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, 'help-first-rtl-desktop');
  }, 90_000);

  it('offers no chat on an articles-only site', async () => {
    await t.server.store.sites.updateSettings(siteId, { helpMode: 'articles-only' });
    const page = await visit();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('heading', { name: 'Popular articles' }).waitFor();
    expect(await page.getByRole('button', { name: 'Chat with us' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await scan(page);
    await shot(page, 'articles-only-desktop');
  });
});
