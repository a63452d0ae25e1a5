/**
 * The admin half of the console in a real browser: an admin creates a site, copies its snippet, and
 * that snippet works on a page of the site's origin (the widget opens, the message reaches the
 * queue); a shared canned response goes into a reply with /shortcut; the admin pages pass axe-core;
 * and an agent calling an admin endpoint from their console is refused.
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
import { axeViolations } from '../support/axe-scan.ts';
import { html, startHostSite, type HostFile, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('admin console in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let host: HostSite;
  const hostFiles: Record<string, HostFile> = {};
  let adminContext: BrowserContext;
  let admin: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    host = await startHostSite(t, hostFiles);
    browser = await launchBrowser();
    adminContext = await browser.newContext();
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    admin = await adminContext.newPage();
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await admin.getByText('Connected').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await t?.close();
  });

  const nav = (page: Page, name: string) => openConsolePage(page, name);

  async function setOwnCapacity(capacity: number): Promise<void> {
    await nav(admin, 'Agents');
    await admin.getByRole('button', { name: 'Edit Admin' }).click();
    const edit = admin.getByRole('region', { name: 'Edit Admin' });
    await edit.getByLabel('Capacity').fill(String(capacity));
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByText('Saved Admin.').waitFor();
  }

  it('creates a site whose copied snippet brings the widget to a page of its origin', async () => {
    // Capacity 0 keeps the admin from taking the chat, so it stays visible in the queue.
    await setOwnCapacity(0);

    await nav(admin, 'Sites');
    const add = admin.getByRole('region', { name: 'Add a site' });
    await add.getByLabel('New site name').fill('Shoe shop');
    await add.getByLabel('Its origins').fill(`${host.origin}/`);
    await add.getByRole('button', { name: 'Add site' }).click();
    const editor = admin.getByRole('form', { name: 'Settings of Shoe shop' });
    await editor.getByRole('button', { name: 'Copy snippet' }).click();
    await editor.getByText('Snippet copied.').waitFor();
    const snippet = await admin.evaluate<string>('navigator.clipboard.readText()');

    const site = (await t.server.store.sites.list()).find((s) => s.name === 'Shoe shop');
    expect(site?.allowedOrigins).toEqual([host.origin]);
    expect(snippet).toBe(`<script async src="${t.url}/widget.js" data-site-key="${site?.siteKey}"></script>`);

    hostFiles['/shoes.html'] = { body: html('', `<h1>Shoes</h1>${snippet}`) };
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    visitor.on('pageerror', (error) => pageErrors.push(`visitor: ${error.message}`));
    await visitor.goto(`${host.origin}/shoes.html`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Do you have these in size 44?');
    await visitor.getByRole('button', { name: 'Send' }).click();

    await nav(admin, 'Conversations');
    await admin.getByRole('region', { name: /Queue/ }).getByText('Do you have these in size 44?').waitFor();
    const queued = await t.server.store.conversations.listQueued();
    expect(queued.map((c) => [c.siteId, c.lastMessage?.body])).toEqual([[site?.id, 'Do you have these in size 44?']]);

    // Room for chats again: the waiting visitor comes to the admin; a shared canned response answers.
    await nav(admin, 'Canned responses');
    const shared = admin.getByRole('region', { name: 'Shared with everyone' });
    await shared.getByLabel('Shortcut').fill('sizes');
    await shared.getByLabel('Text').fill('All sizes from 36 to 47 are in stock.');
    await shared.getByRole('button', { name: 'Add shared response' }).click();
    await shared.getByText('/sizes').waitFor();

    await setOwnCapacity(3);
    await nav(admin, 'Conversations');
    await admin
      .getByRole('button', { name: /Do you have these in size 44\?/ })
      .first()
      .click();
    const box = admin.getByRole('textbox', { name: 'Message' });
    await box.pressSequentially('Yes! /si');
    await admin
      .getByRole('listbox', { name: 'Canned responses' })
      .getByRole('option', { name: /\/sizes/ })
      .waitFor();
    await box.press('Tab');
    expect(await box.inputValue()).toBe('Yes! All sizes from 36 to 47 are in stock.');
    await box.press('Enter');
    await visitor.getByRole('log').getByText('Yes! All sizes from 36 to 47 are in stock.').waitFor();
    await visitorContext.close();
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('passes axe-core on every admin page', async () => {
    const violationsOn = (): Promise<string[]> => axeViolations(admin);
    for (const [link, ready] of [
      ['Agents', 'Add an agent'],
      ['Sites', 'Add a site'],
      ['Canned responses', 'Shared with everyone'],
    ] as const) {
      await nav(admin, link);
      await admin.getByRole('region', { name: ready }).waitFor();
      expect({ page: link, violations: await violationsOn() }).toEqual({ page: link, violations: [] });
    }
    // The site editor with its optional sections open.
    await nav(admin, 'Sites');
    const editor = admin.getByRole('form', { name: 'Settings of Demo' });
    await editor.getByLabel('Keep business hours').check();
    await editor.getByLabel('Ask questions before the first message').check();
    await editor.getByLabel('Colour', { exact: true }).fill('#ffee00');
    await editor.getByText(/Low contrast/).waitFor();
    expect(await violationsOn()).toEqual([]);
  });

  it('refuses an agent who calls an admin endpoint from their console', async () => {
    const agent = await t.createAgent({ name: 'Mallory' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, `${t.url}/console/admin/agents`, { email: agent.email, password: agent.password });
    await page.getByText('Only admins can open this page.', { exact: false }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link').allTextContents()).toEqual([
      'Conversations',
      'Tickets',
      'Live visitors',
      'Canned responses',
    ]);
    // nor the Admin button the settings pages sit behind
    expect(
      await page.getByRole('navigation', { name: 'Console pages' }).getByRole('button', { name: 'Admin' }).count(),
    ).toBe(0);
    const answer = await page.evaluate<{ status: number; body: unknown }>(`fetch('/api/admin/agents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Me', email: 'me@example.com', role: 'admin', capacity: 1, password: 'let me in please' }),
    }).then(async (res) => ({ status: res.status, body: await res.json() }))`);
    expect(answer).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: expect.stringMatching(/admin/i) } },
    });
    expect(await t.server.store.agents.findByEmail('me@example.com')).toBeUndefined();
    await context.close();
  });
});
