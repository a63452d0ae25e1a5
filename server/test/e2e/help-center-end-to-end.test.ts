/**
 * Issue 20 from end to end, in a real browser where a screen exists: an admin signed in to the console
 * writes and publishes an article; the public page shows it and the sitemap lists it; a visitor asks a
 * related question and is offered it, opens it and answers "it helped", and searches for something no
 * article answers; half an hour later (the server's clock, moved by the test) the console's Reports
 * page shows the searches, the content gap and the visitor as deflected.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import {
  chromiumAvailable,
  launchBrowser,
  requireBuiltFrontEnds,
  signIn,
  openConsolePage,
} from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { disconnectAll } from '../support/clients.ts';
import { html, startHostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MINUTE = 60_000;

describe.runIf(chromiumAvailable)('the help center from writing to deflection', () => {
  let t: TestServer;
  let browser: Browser;
  let admin: Page;
  let siteId: string;
  // the server's clock: real time plus what the test moves it by
  let offset = 0;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer({ now: () => new Date(Date.now() + offset) });
    const demo = await t.server.store.sites.findDemo();
    if (!demo) throw new Error('no demo site');
    siteId = demo.id;
    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
    admin.setDefaultTimeout(15_000);
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await admin.getByText('Connected').waitFor();
  });
  afterAll(async () => {
    disconnectAll();
    await browser?.close();
    await t?.close();
  });

  const nav = (name: string) => openConsolePage(admin, name);

  /** The Help center section of the Reports page for the demo site, as the admin sees it now. */
  async function helpFigures(): Promise<Record<string, string>> {
    // by way of another page, so the Reports page loads its figures afresh
    await nav('Agents now');
    await admin.getByRole('heading', { name: 'Agents now', level: 1 }).waitFor();
    await nav('Reports');
    await admin.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await admin.getByLabel('Site', { exact: true }).selectOption({ label: 'Demo' });
    const section = admin.getByRole('region', { name: 'Help center' });
    await section.getByRole('table', { name: 'Per article' }).waitFor();
    const figures: Record<string, string> = {};
    for (const tile of await section.locator('.report-figure').all()) {
      const label = (await tile.locator('.report-figure__label').textContent()) ?? '';
      figures[label] = (await tile.locator('.report-figure__value').textContent()) ?? '';
    }
    return figures;
  }

  it('publishes, suggests, helps, and shows the deflection and the content gap in the reports', async () => {
    const before = await helpFigures();
    expect(before).toMatchObject({ Searches: '0', 'Searches with no result': '0', Deflection: '—' });

    // 1. The admin writes and publishes an article in the console's help center editor.
    await nav('Help center');
    await admin.getByRole('heading', { name: 'Help center', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'New article' }).click();
    await admin.getByRole('textbox', { name: 'Title' }).fill('Returning a parcel');
    await admin.getByRole('textbox', { name: 'Summary' }).fill('Send any parcel back within 30 days, free of charge.');
    await admin
      .getByRole('textbox', { name: 'Body (Markdown)' })
      .fill('You can **return any parcel** within 30 days. Print the label from your order page.');
    await admin.getByRole('region', { name: 'Preview' }).locator('strong', { hasText: 'return any parcel' }).waitFor();
    await admin.getByRole('button', { name: 'Save and publish' }).click();
    await admin.getByText('Published: it is on the public pages and in the widget.').waitFor();
    const article = await t.server.store.helpCenter.findArticleBySlug(siteId, 'en', 'returning-a-parcel');
    if (!article) throw new Error('the published article is not stored under its slug');
    expect(article.status).toBe('published');

    // 2. The public page shows it; the sitemap lists it.
    const visitor = await (await browser.newContext()).newPage();
    visitor.on('pageerror', (error) => pageErrors.push(error.message));
    const pageUrl = `${t.url}/help/${t.siteKey}/en/articles/${article.slug}`;
    await visitor.goto(pageUrl);
    await visitor.getByRole('heading', { name: 'Returning a parcel', level: 1 }).waitFor();
    await visitor.getByText('return any parcel').waitFor();
    expect(await axeViolations(visitor)).toEqual([]);
    await saveScreenshot(visitor, 'help-end-to-end', 'article-page');
    const sitemap = await visitor.request.get(`${t.url}/help/${t.siteKey}/sitemap.xml`);
    expect(sitemap.status()).toBe(200);
    expect(await sitemap.text()).toContain(`<loc>${pageUrl}</loc>`);

    // 3. In the widget on the shop's page, a visitor writing a related question is offered the article,
    //    opens it and answers "it helped"; then searches the help view for what no article answers.
    const shop = await startHostSite(t, {
      '/': {
        body: html('', `<h1>Shop</h1><script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`),
      },
    });
    try {
      await visitor.goto(`${shop.origin}/`);
      await visitor.getByRole('button', { name: 'Open chat' }).click();
      await visitor.getByRole('textbox', { name: 'Message' }).fill('how do I return my parcels?');
      await visitor.getByRole('heading', { name: 'These might answer your question' }).waitFor();
      await visitor.getByRole('button', { name: /Returning a parcel/ }).click();
      await visitor.getByRole('heading', { name: 'Returning a parcel' }).waitFor();
      await visitor.getByRole('button', { name: 'Yes' }).click();
      await visitor.getByText('Great, glad it helped!').waitFor();
      expect(await axeViolations(visitor, 'parley-widget')).toEqual([]);
      await saveScreenshot(visitor, 'help-end-to-end', 'widget-it-helped');
      await visitor.evaluate(() =>
        (Reflect.get(globalThis, 'Parley') as (...a: string[]) => void)('searchHelp', 'gift wrapping'),
      );
      await visitor.getByText('No articles found.').waitFor();
    } finally {
      await shop.close();
    }

    // 4. Within half an hour the visitor may still write: not yet deflected.
    const soon = await helpFigures();
    expect(soon).toMatchObject({ Searches: '2', 'Searches with no result': '1', 'Found helpful': '100 %' });
    expect(soon.Deflection).toBe('—');
    // 5. Half an hour and a minute later, no chat: deflected; the gap is listed.
    offset += 31 * MINUTE;
    const later = await helpFigures();
    expect(later).toMatchObject({
      'Article views': '2',
      Searches: '2',
      'Searches with no result': '1',
      Deflection: '100 %',
    });
    const section = admin.getByRole('region', { name: 'Help center' });
    expect(
      await section
        .getByRole('table', { name: /Content gaps/ })
        .getByRole('row')
        .allTextContents(),
    ).toEqual(['QuerySearches', 'gift wrapping1']);
    // suggested once, viewed twice (the public page and the widget), one yes, no no, 100 %, one deflected
    const row = section.getByRole('table', { name: 'Per article' }).getByRole('row').nth(1);
    expect(await row.locator('th, td').allTextContents()).toEqual([
      'Returning a parcel',
      'en',
      '1',
      '2',
      '1',
      '0',
      '100 %',
      '1',
    ]);
    expect(await axeViolations(admin)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(admin, 'help-end-to-end', 'reports-help-center');
    expect(pageErrors).toEqual([]);
  });
});
