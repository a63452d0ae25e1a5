/**
 * The console under the Content-Security-Policy the server sends it, in a real browser: every page
 * (sign-in, conversations with a live chat, tickets, visitors, canned responses, each admin page,
 * the reports chart drawn by uPlot) runs with no `securitypolicyviolation`, so the policy needs no
 * 'unsafe-inline'; its socket connects under connect-src 'self'. And another origin cannot frame
 * it (frame-ancestors 'none').
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import {
  chromiumAvailable,
  launchBrowser,
  requireBuiltFrontEnds,
  signIn,
  openConsolePage,
} from '../support/browser.ts';
import { disconnectAll } from '../support/clients.ts';
import { visitorWrites } from '../support/workflow.ts';
import { SCENARIO_DAY, seedReportScenario } from '../support/report-scenario.ts';
import { html, startHostSite, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('the console under its CSP', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let site: HostSite | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    await seedReportScenario(t.server.store, {
      ann: await t.createAgent({ name: 'Ann' }),
      bob: await t.createAgent({ name: 'Bob' }),
    });
    browser = await launchBrowser();
    context = await browser.newContext();
  });
  afterAll(async () => {
    disconnectAll();
    await browser?.close();
    await site?.close();
    await t?.close();
  });

  /** A page that reports script errors and CSP violations into `problems`. */
  async function watchedPage(): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    // (not every console error: the sign-in page's "who am I" answers 401, which Chromium logs)
    page.on('console', (msg) => {
      if (/Content Security Policy|CSP violation/i.test(msg.text())) problems.push(msg.text());
    });
    // through the debugging protocol, before the page's own scripts: the CSP does not apply to it
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));",
    );
    return page;
  }

  it('runs every page with no policy violation', async () => {
    const page = await watchedPage();
    const heading = (name: string) => page.getByRole('heading', { name, level: 1 }).waitFor();
    const nav = (name: string) => openConsolePage(page, name);

    await signIn(page, `${t.url}/console/`, ADMIN);
    // the socket is up: connect-src 'self' lets the console reach its own ws:
    await page.getByText('Connected').waitFor();
    await visitorWrites(t, 'Do you ship **abroad**? See https://shop.example/shipping');
    await page
      .getByText(/Do you ship/)
      .first()
      .click();
    await page
      .getByRole('log')
      .getByText(/abroad/)
      .waitFor();

    for (const [link, title] of [
      ['Tickets', 'Tickets'],
      ['Live visitors', 'Live visitors'],
      ['Canned responses', 'Canned responses'],
      ['Agents', 'Agents'],
      ['Rules', 'Rules'],
      ['Agents now', 'Agents now'],
      ['Help center', 'Help center'], // help-console
    ] as const) {
      await nav(link);
      await heading(title);
    }
    // the site editor's colour preview and contrast warning style elements as they change
    await nav('Sites');
    const editor = page.getByRole('form', { name: 'Settings of Demo' });
    await editor.getByLabel('Keep business hours').check();
    await editor.getByLabel('Colour', { exact: true }).fill('#ffee00');
    await editor.getByText(/Low contrast/).waitFor();
    // the reports chart: uPlot's chunk and stylesheet, its canvas and the styles it sets
    await nav('Reports');
    await heading('Reports');
    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'Demo' });
    await page.getByLabel('From', { exact: true }).fill(SCENARIO_DAY);
    await page.getByLabel('To', { exact: true }).fill(SCENARIO_DAY);
    await page
      .getByRole('img', { name: /Chart of conversations/ })
      .locator('canvas')
      .waitFor();

    expect(problems).toEqual([]);
  }, 90_000);

  it('cannot be framed by another origin', async () => {
    site = await startHostSite(t, {
      '/': { body: html('', `<h1>Not the console</h1><iframe title="framed" src="${t.url}/console/"></iframe>`) },
    });
    const page = await context.newPage();
    const refused = new Promise<string>((resolve) =>
      page.on('console', (msg) => {
        if (/frame-ancestors/.test(msg.text())) resolve(msg.text());
      }),
    );
    await page.goto(`${site.origin}/`);
    expect(await refused).toMatch(/violates .*"frame-ancestors 'none'"/);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(await framed?.getByLabel('Email').count()).toBe(0);
  });
});
