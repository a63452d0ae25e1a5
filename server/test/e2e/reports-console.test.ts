/**
 * The reports in a real browser: an admin opens Reports for the seeded day and sees its figures
 * (Berlin's DST day, in the site's zone) and a uPlot chart loaded only on that page, downloads the
 * CSV, and watches who is working now; the help center section shows that day's article views,
 * searches, content gaps, votes, deflection and per-article table, and downloads its CSV. Both pages
 * pass axe-core.
 */
import fs from 'node:fs';
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
import { SCENARIO_DAY, seedReportScenario } from '../support/report-scenario.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { newId } from '../../src/domain/ids.ts';
import type { Store } from '../../src/store/store.ts';
import type { HelpEvent } from '../../src/store/help-center-store.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** A day of its own for the help center traffic, so the support figures of SCENARIO_DAY stay as they are. */
const HELP_DAY = '2026-03-25';

/**
 * The seeded day's help center traffic on the demo site: an article read by two widget visitors (one
 * voted yes and started no chat, one voted no and chatted five minutes later), three searches of
 * which two found nothing ("gift cards" twice).
 */
async function seedHelpDay(store: Store): Promise<void> {
  const site = await store.sites.findDemo();
  if (!site) throw new Error('no demo site');
  const articleId = newId('hart');
  const now = `${HELP_DAY}T08:00:00.000Z`;
  await store.helpCenter.createArticle(
    site.id,
    {
      id: articleId,
      translationGroupId: articleId,
      values: { categoryId: null, locale: 'en', slug: 'refunds', title: 'Refund policy', summary: '', body: 'Yes.' },
    },
    { action: 'created', authorId: null, authorName: 'Admin', revisionId: newId('hrev'), now },
  );
  const event = (at: string, values: Partial<HelpEvent>) =>
    store.helpCenter.recordEvent({
      id: newId('hevt'),
      siteId: site.id,
      kind: 'view',
      source: 'widget',
      locale: 'en',
      articleId: null,
      query: null,
      resultCount: null,
      helpful: null,
      visitorId: null,
      at: `${HELP_DAY}T${at}.000Z`,
      ...values,
    });
  for (const [visitorId, helpful] of [
    [newId('vis'), true],
    [newId('vis'), false],
  ] as const) {
    await store.visitors.ensure(visitorId, site.id, now);
    await event('09:00:00', { kind: 'view', visitorId, articleId });
    await event('09:01:00', { kind: 'vote', visitorId, articleId, helpful });
    if (!helpful) {
      // started and given up at once, so it waits in no queue
      const chat = await store.conversations.create({
        id: newId('conv'),
        siteId: site.id,
        visitorId,
        now: `${HELP_DAY}T09:05:00.000Z`,
      });
      await store.conversations.close(chat.id, 'visitor', `${HELP_DAY}T09:06:00.000Z`);
    }
  }
  await event('09:10:00', { kind: 'search', query: 'refund', resultCount: 1 });
  await event('09:11:00', { kind: 'search', query: 'gift cards', resultCount: 0 });
  await event('09:12:00', { kind: 'search', query: 'gift cards', resultCount: 0 });
}

describe.runIf(chromiumAvailable)('reports in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let admin: Page;
  const pageErrors: string[] = [];
  const scripts: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    const ann = await t.createAgent({ name: 'Ann' });
    const bob = await t.createAgent({ name: 'Bob' });
    await seedReportScenario(t.server.store, { ann, bob });
    await seedHelpDay(t.server.store);
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true });
    admin = await context.newPage();
    // a missing element fails its own step, not the whole test's timeout
    admin.setDefaultTimeout(10_000);
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    admin.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await admin.getByText('Connected').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const nav = (name: string) => openConsolePage(admin, name);
  const figure = (label: string) =>
    admin
      .locator('.report-figure')
      .filter({ has: admin.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
      .locator('.report-figure__value');

  it("shows the seeded day's figures and chart, and downloads them as CSV", async () => {
    expect(scripts.some((s) => /report-chart/.test(s))).toBe(false);
    await nav('Reports');
    await admin.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await admin.getByLabel('Site', { exact: true }).selectOption({ label: 'Demo' });
    await admin.getByLabel('From', { exact: true }).fill(SCENARIO_DAY);
    await admin.getByLabel('To', { exact: true }).fill(SCENARIO_DAY);
    await admin.getByRole('heading', { name: SCENARIO_DAY, level: 2 }).waitFor();
    await admin.getByText('Days as the clock reads in Europe/Berlin.').waitFor();

    const expected: Array<[string, string]> = [
      ['Conversations', '6'],
      ['Missed chats', '2'],
      ['Median wait', '25 s'],
      ['90th percentile wait', '1 min'],
      ['Median first response', '1 min 30 s'],
      ['Median resolution', '15 min'],
      ['First contact resolution', '50 %'],
      ['CSAT average', '4.00'],
      ['Became tickets', '1'],
      ['Transfers', '1'],
    ];
    for (const [label, value] of expected) expect(await figure(label).textContent(), label).toBe(value);
    const csat = admin.getByRole('table', { name: 'CSAT ratings' });
    expect(await csat.getByRole('row').allTextContents()).toEqual([
      'RatingAnswers',
      '1 of 50',
      '2 of 50',
      '3 of 51',
      '4 of 51',
      '5 of 51',
    ]);
    const agents = admin.getByRole('table', { name: /Figures per agent/ });
    expect(await agents.getByRole('rowheader').allTextContents()).toEqual(['Ann', 'Bob']);

    // the chart: uPlot's chunk is fetched now, and it draws on a canvas inside the described image
    const chart = admin.getByRole('img', { name: /Chart of conversations/ });
    await chart.locator('canvas').waitFor();
    const box = await chart.locator('canvas').boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(100);
    expect(scripts.some((s) => /report-chart/.test(s))).toBe(true);
    // browser code as a string: the server's TypeScript has no DOM types
    const painted = await admin.evaluate<number>(`(() => {
      const canvas = document.querySelector('.report-chart__canvas canvas');
      const context = canvas && canvas.getContext('2d');
      if (!context) return 0;
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      // the bars' blue somewhere on the canvas
      for (let i = 0; i < data.length; i += 4) if (data[i + 2] > 150 && data[i] < 150) coloured += 1;
      return coloured;
    })()`);
    expect(painted).toBeGreaterThan(100);

    expect(await axeViolations(admin)).toEqual([]);

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download CSV per day' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`parley-report-day-${SCENARIO_DAY}-to-${SCENARIO_DAY}.csv`);
    const file = await download.path();
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[1]).toBe('2026-03-29,6,2,1,1,25,60,90,3600,900,7200,2,4,0.5,3,4,0,0,1,1,1');
    expect(pageErrors).toEqual([]);
  });

  it("shows the day's help center figures, content gaps and articles, and downloads them", async () => {
    // the site chosen in the first test is still selected
    await admin.getByLabel('From', { exact: true }).fill(HELP_DAY);
    await admin.getByLabel('To', { exact: true }).fill(HELP_DAY);
    await admin.getByRole('heading', { name: HELP_DAY, level: 2 }).waitFor();
    const section = admin.getByRole('region', { name: 'Help center' });
    await section.getByRole('table', { name: 'Per article' }).waitFor();
    const helpFigure = (label: string) =>
      section
        .locator('.report-figure')
        .filter({ has: admin.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) });
    const value = async (label: string) => helpFigure(label).locator('.report-figure__value').textContent();
    expect(await value('Article views')).toBe('2');
    expect(await value('Searches')).toBe('3');
    expect(await value('Searches with no result')).toBe('2');
    expect(await value('Found helpful')).toBe('50 %');
    expect(await value('Deflection')).toBe('50 %');
    expect(await helpFigure('Deflection').locator('.report-figure__note').textContent()).toBe(
      '1 of 2 visitors shown or opening articles started no chat within 30 minutes',
    );
    const gaps = section.getByRole('table', { name: /Content gaps/ });
    expect(await gaps.getByRole('row').allTextContents()).toEqual(['QuerySearches', 'gift cards2']);
    const articles = section.getByRole('table', { name: 'Per article' });
    expect(await articles.getByRole('row').allTextContents()).toEqual([
      'ArticleLocaleSuggestedViewsHelpfulNot helpfulHelpful %Deflected',
      'Refund policyen021150 %1',
    ]);
    expect(await axeViolations(admin)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(admin, 'help-reports', 'help-center-section-desktop');
    await admin.setViewportSize({ width: 375, height: 800 });
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(admin, 'help-reports', 'help-center-section-375');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.setViewportSize({ width: 1280, height: 720 });

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      section.getByRole('link', { name: 'Download CSV of content gaps' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`parley-help-gaps-${HELP_DAY}-to-${HELP_DAY}.csv`);
    expect(fs.readFileSync(await download.path(), 'utf8')).toBe('query,searches\r\ngift cards,2\r\n');
    expect(pageErrors).toEqual([]);
  });

  it('shows who is working now, with their chats against capacity and the queue', async () => {
    await nav('Agents now');
    const table = admin.getByRole('table', { name: 'Agents' });
    await table.getByRole('row', { name: /Ann/ }).waitFor();
    expect(await table.getByRole('row', { name: /Ann/ }).textContent()).toBe('Ann Offline0 of 3');
    // the admin's console is connected; the seeded conversation waiting since the 30th went to them
    await table.getByRole('row', { name: /Admin.*Online.*1 of 3/ }).waitFor();
    expect(await figure('Waiting in the queue').textContent()).toBe('0');
    expect(await axeViolations(admin)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
