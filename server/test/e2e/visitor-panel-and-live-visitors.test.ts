/**
 * The visitor panel and the live visitors page in a real browser: a visitor reads two pages of a
 * shop that embeds the demo site's widget and chats; the agent sees both pages and the visitor's
 * browser in the panel beside the chat (the second page arriving live), and the visitor on the live
 * visitors page. Both console views pass axe-core.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { startHostSite, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('visitor panel and live visitors in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let site: HostSite;
  const pageErrors: string[] = [];

  const shopPage = (title: string, heading: string) => ({
    body:
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><h1>${heading}</h1><a href="/pricing">Pricing</a>` +
      `<script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script></body></html>`,
  });

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    site = await startHostSite(t, {
      '/': shopPage('Shop home', 'Welcome'),
      '/pricing': shopPage('Shop pricing', 'Pricing'),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await t?.close();
  });

  async function newPage(who: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    return page;
  }

  it('shows the pages and browser of the visitor in the panel and on the live visitors page', async () => {
    const agent = await newPage('agent');
    await signIn(agent, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await agent.getByText('Connected').waitFor();

    const visitor = await newPage('visitor');
    await visitor.goto(`${site.origin}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Do you have a yearly plan?');
    await visitor.getByRole('button', { name: 'Send' }).click();

    await agent
      .getByRole('button', { name: /Do you have a yearly plan\?/ })
      .first()
      .click();
    const panel = agent.getByRole('complementary', { name: 'Visitor' });
    await panel.getByRole('link', { name: 'Shop home' }).waitFor();
    await panel.getByText(/^Chrome \d+ on Linux$/).waitFor();

    // The visitor moves on; the panel follows without the agent doing anything.
    await visitor.getByRole('link', { name: 'Pricing' }).click();
    await visitor.getByRole('heading', { name: 'Pricing' }).waitFor();
    await panel.getByRole('link', { name: 'Shop pricing' }).waitFor();
    await panel.getByRole('list', { name: 'Pages visited, latest first' }).getByText('Shop home').waitFor();
    expect(await axeViolations(agent)).toEqual([]);

    await agent.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Live visitors' }).click();
    const table = agent.getByRole('table', { name: '1 visitor on your sites now' });
    const row = table.getByRole('row').filter({ hasText: 'Shop pricing' });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Chatting');
    expect(await row.getByRole('cell').nth(4).textContent()).toMatch(/^Chrome \d+ on Linux$/);
    expect(await axeViolations(agent)).toEqual([]);

    // The visitor leaves the site: the list empties by itself.
    await visitor.close();
    await agent.getByText('Nobody is on your sites right now.').waitFor();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
