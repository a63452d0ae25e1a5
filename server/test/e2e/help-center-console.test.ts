/**
 * The help center's console side in a real browser: an admin adds categories and orders them by
 * keyboard, writes an article with an uploaded picture, previews it, publishes it (the public page
 * shows the picture), changes it, reads an older revision and restores it, orders articles; then an
 * agent answers a visitor with `/kb` and the visitor's widget receives the article's link card. axe
 * scans every new screen; screenshots (desktop and 375 px) go to test-results/screenshots/help-console/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = 'help-console';

describe.runIf(chromiumAvailable)('help center in the console, in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const watch = (page: Page, who: string) =>
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));

  /** axe on the page and a screenshot at desktop width and at 375 px. */
  async function check(page: Page, name: string) {
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await saveScreenshot(page, SHOTS, `${name}-desktop`);
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await saveScreenshot(page, SHOTS, `${name}-375`);
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('lets an admin write, picture, publish, order and restore an article, and an agent send it with /kb', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const admin = await context.newPage();
    watch(admin, 'admin');
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await openConsolePage(admin, 'Help center');
    await admin.getByRole('heading', { name: 'Help center', level: 1 }).waitFor();
    await admin.getByText('No articles in this locale yet.').waitFor();
    await check(admin, 'empty');

    // categories, ordered by keyboard
    for (const name of ['Billing', 'Shipping']) {
      await admin.getByRole('textbox', { name: 'New category' }).fill(name);
      await admin.getByRole('button', { name: 'Add category' }).click();
      await admin.getByText(`Category “${name}” added.`).waitFor();
    }
    await admin.getByRole('button', { name: 'Move Shipping up' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByText('“Shipping” moved up.').waitFor();
    const categories = admin.getByRole('region', { name: 'Categories' }).getByRole('listitem');
    await expect
      .poll(() => categories.allInnerTexts())
      .toEqual([expect.stringContaining('Shipping'), expect.stringContaining('Billing')]);
    // focus stayed on the moved category's buttons, so the keyboard can go on
    expect(
      await admin.evaluate<string | null>(
        'document.activeElement && document.activeElement.getAttribute("aria-label")',
      ),
    ).toBe('Move Shipping down');

    // a new article with a picture, previewed
    await admin.getByRole('button', { name: 'New article' }).click();
    await admin.getByRole('textbox', { name: 'Title' }).fill('Refund policy');
    await admin.getByRole('textbox', { name: 'Summary' }).fill('Money back within 30 days.');
    await admin.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Billing' });
    const body = admin.getByRole('textbox', { name: 'Body (Markdown)' });
    await body.fill('We refund **every** order.\n\n<script>alert(1)</script>\n');
    const preview = admin.getByRole('region', { name: 'Preview' });
    await preview.locator('strong', { hasText: 'every' }).waitFor();
    await preview.getByText('<script>alert(1)</script>').waitFor();
    const png = await sharp({ create: { width: 120, height: 60, channels: 3, background: '#2255ee' } })
      .png()
      .toBuffer();
    await admin
      .getByLabel('Insert picture')
      .setInputFiles({ name: 'settings.png', mimeType: 'image/png', buffer: png });
    await admin.getByText('Picture “settings.png” inserted.', { exact: false }).waitFor();
    expect(await body.inputValue()).toMatch(/!\[settings\]\(http:\/\/[^)]+\/api\/help-images\/[^)]+\.png\)/);
    const previewImage = preview.getByRole('img', { name: 'settings' });
    await previewImage.waitFor();
    await expect.poll(() => previewImage.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).toBe(120);
    await check(admin, 'editor');

    await admin.getByRole('button', { name: 'Save and publish' }).click();
    await admin.getByText('Published: it is on the public pages and in the widget.').waitFor();

    // the public page shows the picture to anyone
    const site = await t.server.store.sites.findDemo();
    if (!site) throw new Error('no demo site');
    const reader = await browser.newPage();
    watch(reader, 'reader');
    await reader.goto(`${t.url}/help/${site.siteKey}/en/articles/refund-policy`);
    const publicImage = reader.getByRole('img', { name: 'settings' });
    await publicImage.waitFor();
    await expect.poll(() => publicImage.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).toBe(120);
    await reader.close();

    // a change, then the history: read revision 1 and restore it
    await body.fill('We refund most orders.');
    await admin.getByText('Published, unsaved changes').waitFor();
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByText('Saved.').waitFor();
    const history = admin.getByRole('region', { name: 'History' });
    await history.getByText(/#3 Changed by Admin/).waitFor();
    await history.getByRole('button', { name: 'View revision 1' }).click();
    const revision = admin.getByRole('dialog', { name: /Revision 1: Refund policy/ });
    await revision.getByText('We refund **every** order.', { exact: false }).waitFor();
    await check(admin, 'revision');
    await revision.getByRole('button', { name: 'Restore this version' }).click();
    await admin.getByText('The older version is restored and saved as a new revision.').waitFor();
    expect(await body.inputValue()).toContain('We refund **every** order.');
    await history.getByText(/#4 Changed by Admin/).waitFor();
    await check(admin, 'editor-history');

    // a second article in the category, ordered from the list
    await admin.getByRole('button', { name: '← Back to articles' }).click();
    await admin.getByRole('button', { name: 'New article' }).click();
    await admin.getByRole('textbox', { name: 'Title' }).fill('Refund times');
    await admin.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Billing' });
    await body.fill('Refunds take five days.');
    await admin.getByRole('button', { name: 'Save draft' }).click();
    await admin.getByText('Saved.').waitFor();
    await admin.getByRole('button', { name: '← Back to articles' }).click();
    const articles = admin.getByRole('region', { name: 'Articles' });
    await articles.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Billing' });
    await articles.getByRole('button', { name: 'Move Refund times up' }).click();
    await admin.getByText('“Refund times” moved up.').waitFor();
    await expect
      .poll(() => articles.getByRole('row').allInnerTexts())
      .toEqual([expect.anything(), expect.stringContaining('Refund times'), expect.stringContaining('Refund policy')]);
    await articles.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Published' });
    await articles.getByRole('textbox', { name: 'Search articles' }).fill('refund');
    await expect.poll(() => articles.getByRole('row').count()).toBe(2);
    await check(admin, 'list');

    // an agent answers a visitor with /kb; the widget shows the link card
    const visitor = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    watch(visitor, 'visitor');
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('How do I get my money back?');
    await visitor.getByRole('button', { name: 'Send' }).click();

    await admin.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Conversations' }).click();
    await admin
      .getByRole('button', { name: /How do I get my money back/ })
      .first()
      .click();
    const reply = admin.getByRole('textbox', { name: 'Message' });
    await reply.fill('Here you go:');
    await reply.press('Enter'); // sends the text
    await reply.pressSequentially('/kb');
    await reply.press('Space');
    const picker = admin.getByRole('dialog', { name: 'Help articles' });
    await picker.getByRole('textbox', { name: 'Search help articles' }).fill('refunds');
    await picker.getByRole('button', { name: 'Send link card: Refund policy' }).waitFor();
    expect(await reply.inputValue()).toBe('');
    await check(admin, 'kb-picker');
    await picker.getByRole('button', { name: 'Send link card: Refund policy' }).click();
    await picker.waitFor({ state: 'detached' });

    const card = visitor.locator('parley-widget').getByRole('link', { name: 'Refund policy' });
    await card.waitFor();
    expect(await card.getAttribute('href')).toBe(`${t.url}/help/${site.siteKey}/en/articles/refund-policy`);
    await admin.getByRole('log').getByRole('link', { name: 'Refund policy' }).waitFor();

    // the excerpt goes into the reply box instead
    await admin.getByRole('button', { name: 'Help article…' }).click();
    await picker.getByRole('textbox', { name: 'Search help articles' }).fill('refund');
    await picker.getByRole('button', { name: 'Insert excerpt: Refund policy' }).click();
    await expect.poll(() => reply.inputValue()).toContain('We refund every order.');
    expect(await reply.inputValue()).toContain('/articles/refund-policy');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
