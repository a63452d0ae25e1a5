/**
 * The answer bot in a real browser (issue 22): an admin turns the built-in bot on in the console's
 * site editor; with a refund article published, a visitor's question is answered in the widget with
 * the article's excerpt and card and "Did that answer your question?"; "No" hands the conversation
 * to the signed-in agent, who sees the bot's part marked as the bot's; another visitor's "Yes" ends
 * theirs resolved by the bot; the reports page counts exactly that. axe scans each new screen;
 * screenshots (desktop, 375 px, Arabic right to left) go to test-results/screenshots/answer-bot/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { signedInRest } from '../support/rest.ts';
import { REFUND_ARTICLE, demoSiteId } from '../answer-bot/bot-fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = 'answer-bot';

describe.runIf(chromiumAvailable)('the answer bot in a real browser', () => {
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

  async function newPage(options: BrowserContextOptions, who: string): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    return page;
  }

  /** A visitor on the demo page asks; resolves once the bot asked whether that answered it. */
  async function visitorAsks(page: Page, question: string) {
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: /Open chat|فتح/ }).click();
    const widget = page.locator('parley-widget');
    await widget.getByRole('textbox').last().fill(question);
    await widget.getByRole('textbox').last().press('Enter');
    await widget.getByRole('log').getByText('Did that answer your question?').waitFor();
    return widget;
  }

  it('answers from the article, hands off on "No" with the exchange, and counts it exactly', async () => {
    const siteId = await demoSiteId(t);
    const rest = await signedInRest(t.url, ADMIN.email, ADMIN.password);
    const created = await rest('POST', `/api/admin/sites/${siteId}/help/articles`, { locale: 'en', ...REFUND_ARTICLE });
    const { article } = created.body as { article: { id: string } };
    await rest('POST', `/api/admin/sites/${siteId}/help/articles/${article.id}/publish`);

    // the admin turns the bot on in the site editor's section
    const agent = await newPage({ viewport: { width: 1440, height: 900 } }, 'agent');
    await signIn(agent, `${t.url}/console/admin/sites`, ADMIN);
    const section = agent.getByRole('form', { name: 'Answer bot' });
    await section.getByLabel('Bot', { exact: true }).selectOption('builtin');
    await section.getByRole('button', { name: 'Save answer bot' }).click();
    await section.getByText(/^Saved\./).waitFor();
    await section.scrollIntoViewIfNeeded();
    expect(await axeViolations(agent, 'form[aria-label="Answer bot"]')).toEqual([]);
    await saveScreenshot(agent, SHOTS, 'console-bot-settings');
    await agent.goto(`${t.url}/console/`);
    await agent.getByRole('heading', { name: 'My conversations' }).waitFor();

    // a visitor's question is answered with the article
    const visitor = await newPage({ viewport: { width: 1280, height: 800 } }, 'visitor');
    const widget = await visitorAsks(visitor, 'How do I get a refund for my order?');
    await widget
      .getByRole('log')
      .getByText(/This article may help/)
      .waitFor();
    expect(await widget.getByRole('link', { name: /Refund policy/ }).getAttribute('href')).toBe(
      `${t.url}/help/${t.siteKey}/en/articles/refund-policy`,
    );
    await widget.getByRole('button', { name: 'Talk to a person' }).waitFor();
    await expect.poll(() => axeViolations(visitor, 'parley-widget')).toEqual([]);
    await saveScreenshot(visitor, SHOTS, 'widget-bot-answer');

    // "No": the agent gets it with the whole exchange, the bot's part marked
    await widget.getByRole('button', { name: 'No', exact: true }).click();
    await agent
      .getByRole('button', { name: /handed the conversation to the team/ })
      .first()
      .click();
    const log = agent.getByRole('log');
    await log.getByText('Answer bot handed the conversation to the team: the bot had no answer.').waitFor();
    await log.getByText('Did that answer your question?').waitFor();
    expect(await log.locator('.message--bot').count()).toBe(3);
    await expect.poll(() => log.locator('.message--bot .message__badge').first().textContent()).toBe('Bot');
    await expect.poll(() => axeViolations(agent)).toEqual([]);
    await saveScreenshot(agent, SHOTS, 'console-handed-off');
    await widget.getByRole('button', { name: 'Talk to a person' }).waitFor({ state: 'detached' });

    // another visitor, on a phone: "Yes" ends it resolved by the bot
    const phone = await newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true }, 'phone');
    const small = await visitorAsks(phone, 'refund');
    await expect.poll(() => axeViolations(phone, 'parley-widget')).toEqual([]);
    await saveScreenshot(phone, SHOTS, 'widget-375-bot-answer');
    await small.getByRole('button', { name: 'Yes, thanks' }).click();
    await small.getByRole('log').getByText('Glad I could help!').waitFor();
    await small.getByRole('radio', { name: '5 stars' }).waitFor();
    await saveScreenshot(phone, SHOTS, 'widget-375-resolved');

    // the reports page counts exactly those two
    await agent.goto(`${t.url}/console/admin/reports`);
    const bot = agent.getByRole('region', { name: 'Answer bot' });
    const figure = (label: string) =>
      bot.locator('.report-figure').filter({ has: agent.getByText(label, { exact: true }) });
    await expect.poll(() => figure('Handled by the bot').locator('.report-figure__value').textContent()).toBe('2');
    expect(await figure('Resolved by the bot').locator('.report-figure__value').textContent()).toBe('1');
    expect(await figure('Resolved by the bot').locator('.report-figure__note').textContent()).toMatch(
      /^50\s?% containment$/,
    );
    expect(await figure('Handed to the team').locator('.report-figure__value').textContent()).toBe('1');
    expect(await figure('Handed to the team').locator('.report-figure__note').textContent()).toMatch(
      /^50\s?% escalation$/,
    );
    const reasons = bot.getByRole('table', { name: 'Why the bot handed conversations to the team' });
    expect(
      await reasons
        .getByRole('row', { name: /No answer found/ })
        .getByRole('cell')
        .textContent(),
    ).toBe('1');
    expect(
      await reasons
        .getByRole('row', { name: /Asked for a person/ })
        .getByRole('cell')
        .textContent(),
    ).toBe('0');
    const used = bot.getByRole('table', { name: 'Articles the bot offered' });
    expect(
      await used
        .getByRole('row', { name: /Refund policy/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['2', '1']);
    await bot.scrollIntoViewIfNeeded();
    await expect.poll(() => axeViolations(agent)).toEqual([]);
    await saveScreenshot(agent, SHOTS, 'console-report');

    // right to left: the widget in Arabic while the bot holds the conversation
    const arabic = await newPage(
      { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, locale: 'ar-EG' },
      'arabic',
    );
    const rtl = await visitorAsks(arabic, 'refund please');
    await rtl.getByRole('button', { name: 'التحدث إلى شخص' }).waitFor();
    await expect.poll(() => axeViolations(arabic, 'parley-widget')).toEqual([]);
    await saveScreenshot(arabic, SHOTS, 'widget-arabic-375');

    expect(pageErrors).toEqual([]);
  }, 180_000);
});
