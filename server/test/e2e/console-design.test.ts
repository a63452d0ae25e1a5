/**
 * The console's design in a real browser: an inbox with three visitors (one named, one known by email,
 * one anonymous), agent formatting shown as the visitor sees it, axe-core on every page in light and
 * dark, a keyboard-only run asserting where focus lands (skip link, route change, Alt+X), and
 * screenshots at desktop (1440), tablet (768) and 200 % zoom kept in test-results/screenshots/console/.
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
  consolePageLink,
} from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { call, type VisitorSocket } from '../support/clients.ts';
import { visitorWrites } from '../support/workflow.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every page an admin reaches from the top bar, with text that shows it has loaded. */
const PAGES: ReadonlyArray<readonly [link: string, slug: string]> = [
  ['Conversations', 'inbox'],
  ['Tickets', 'tickets'],
  ['Live visitors', 'live-visitors'],
  ['Canned responses', 'canned-responses'],
  ['Agents', 'agents'],
  ['Sites', 'sites'],
  ['Rules', 'rules'],
  ['Reports', 'reports'],
  ['Agents now', 'agents-now'],
  ['Help center', 'help-center'], // help-console
];

describe.runIf(chromiumAvailable)('the console’s design in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  const visitors: VisitorSocket[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    admin = await context.newPage();
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await admin.getByText('Connected').waitFor();

    const grace = await visitorWrites(t, 'Hi! Has my order 4711 shipped yet?');
    await call(grace.socket, 'visitor:identify', { name: 'Grace Hopper', email: 'grace@example.com' });
    const lin = await visitorWrites(t, 'Do you ship to Norway?');
    await call(lin.socket, 'visitor:identify', { email: 'lin@example.com' });
    const anonymous = await visitorWrites(t, 'hello, anyone there?');
    visitors.push(grace.socket, lin.socket, anonymous.socket);
  }, 60_000);
  afterAll(async () => {
    for (const socket of visitors) socket.disconnect();
    await browser?.close();
    await t?.close();
  });

  const list = () => admin.getByRole('navigation', { name: 'Conversations' });
  const nav = (link: string) => consolePageLink(admin, link);

  async function setTheme(theme: 'Light' | 'Dark'): Promise<void> {
    await admin.getByRole('button', { name: /agent menu$/ }).click();
    await admin.getByRole('radio', { name: theme }).check();
    await admin.keyboard.press('Escape');
    await admin.locator(`html[data-theme="${theme.toLowerCase()}"]`).waitFor({ state: 'attached' });
  }

  it('shows the inbox with friendly names and the agent’s formatting rendered', async () => {
    await list()
      .getByRole('button', { name: /Grace Hopper/ })
      .waitFor();
    await list()
      .getByRole('button', { name: /lin@example\.com/ })
      .waitFor();
    // the anonymous visitor's made-up name: two capitalised words, no raw id
    const anonymous = list()
      .getByRole('button', { name: /hello, anyone there\?/ })
      .locator('.conversation-item__name');
    expect(await anonymous.textContent()).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);

    await list()
      .getByRole('button', { name: /Grace Hopper/ })
      .click();
    const box = admin.getByRole('textbox', { name: 'Message' });
    await box.fill('Good news: it **shipped today**, tracking follows by email.');
    await box.press('Enter');
    const log = admin.getByRole('log');
    await log.locator('strong', { hasText: 'shipped today' }).waitFor();
    expect(await log.textContent()).not.toContain('**');
    await admin.getByRole('heading', { name: 'Grace Hopper', level: 2 }).waitFor();
    expect(await admin.title()).toMatch(/Inbox · Parley$/);
    expect(pageErrors).toEqual([]);
  });

  it('passes axe-core on every page, light and dark, and keeps screenshots of each', async () => {
    for (const theme of ['Light', 'Dark'] as const) {
      await setTheme(theme);
      for (const [link, slug] of PAGES) {
        await (await nav(link)).click();
        await admin.locator('#page-title').waitFor();
        await admin.getByRole('status', { name: /^Loading/ }).waitFor({ state: 'detached' });
        if (slug === 'inbox')
          await list()
            .getByRole('button', { name: /Grace Hopper/ })
            .click();
        const violations = await axeViolations(admin);
        expect({ page: `${slug} (${theme})`, violations }).toEqual({ page: `${slug} (${theme})`, violations: [] });
        await saveScreenshot(admin, 'console', `${slug}-${theme.toLowerCase()}-1440`);
      }
    }
    // the agent menu and the shortcuts dialog, open, in the dark theme set last
    await (await nav('Conversations')).click();
    await admin.getByRole('button', { name: /agent menu$/ }).click();
    await admin.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'console', 'agent-menu-dark-1440');
    await admin.keyboard.press('Escape');
    // the settings pages behind the Admin button: open on one of them, that one marked current
    await (await nav('Sites')).click();
    await admin.getByRole('heading', { level: 1, name: 'Sites' }).waitFor();
    const adminMenu = admin.getByRole('navigation', { name: 'Console pages' }).getByRole('button', { name: 'Admin' });
    await adminMenu.click();
    const sitesLink = admin.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Sites' });
    expect(await sitesLink.getAttribute('aria-current')).toBe('page');
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'console', 'admin-menu-dark-1440');
    // Escape closes it and gives the focus back to its button
    await sitesLink.focus();
    await admin.keyboard.press('Escape');
    await sitesLink.waitFor({ state: 'hidden' });
    expect(await admin.evaluate<string>('document.activeElement?.getAttribute("aria-expanded") ?? ""')).toBe('false');
    expect(await admin.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Admin');
    await (await nav('Conversations')).click();
    await admin.getByRole('button', { name: /agent menu$/ }).click();
    await admin.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByRole('checkbox', { name: 'Single-key shortcuts (j, k, r, ?)' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'console', 'shortcuts-dialog-dark-1440');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await setTheme('Light');
  }, 120_000);

  it('fits a tablet: one header row, the visitor panel behind a toggle, most of the height for messages', async () => {
    await admin.setViewportSize({ width: 768, height: 1024 });
    await (await nav('Conversations')).click();
    await list()
      .getByRole('button', { name: /Grace Hopper/ })
      .click();
    const toggle = admin.getByRole('button', { name: 'Visitor details' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const topbar = await admin.locator('.topbar').boundingBox();
    expect(topbar?.height ?? 0).toBeLessThanOrEqual(56);
    const log = await admin.getByRole('log').boundingBox();
    expect(log?.height ?? 0).toBeGreaterThan(1024 * 0.55);
    await saveScreenshot(admin, 'console', 'inbox-light-768');

    await toggle.click();
    await admin.getByRole('complementary', { name: 'Visitor' }).getByText('grace@example.com').waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'console', 'inbox-visitor-panel-768');
    await admin.getByRole('button', { name: 'Hide visitor details' }).click();
    await setTheme('Dark');
    await saveScreenshot(admin, 'console', 'inbox-dark-768');
    await setTheme('Light');
  });

  it('stays usable at 200 % zoom', async () => {
    const zoomed = await browser.newContext({ viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 });
    const page = await zoomed.newPage();
    await signIn(page, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /Grace Hopper/ })
      .click();
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console', 'inbox-light-200-percent');
    await zoomed.close();
  });

  it('follows the computer’s dark mode by default, from the sign-in page on', async () => {
    const dark = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    const page = await dark.newPage();
    await page.goto(`${t.url}/console/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    expect(await page.title()).toBe('Sign in · Parley');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console', 'sign-in-dark-1440');
    await dark.close();

    const light = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    const lightPage = await light.newPage();
    await lightPage.goto(`${t.url}/console/`);
    await lightPage.getByRole('button', { name: 'Sign in' }).waitFor();
    await lightPage.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
    expect(await axeViolations(lightPage)).toEqual([]);
    await saveScreenshot(lightPage, 'console', 'sign-in-light-1440');
    await light.close();
  });

  it('lets a keyboard user skip to the conversations, hear page changes, and keep their place after Alt+X', async () => {
    await admin.setViewportSize({ width: 1440, height: 900 });
    await admin.goto(`${t.url}/console/`);
    await admin.getByText('Connected').waitFor();
    await admin.keyboard.press('Tab');
    const focused = () => admin.evaluate<string>('document.activeElement?.textContent?.trim() ?? ""');
    expect(await focused()).toBe('Skip to conversations');
    await admin.keyboard.press('Enter');
    expect(await admin.evaluate<string>('document.activeElement?.id ?? ""')).toBe('page-title');
    await admin.keyboard.press('Tab');
    expect(await focused()).toMatch(/Grace Hopper/);

    // a route change puts focus on the new page's heading, whose name says where the agent is
    await (await nav('Tickets')).focus();
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('H1');
    expect(await admin.title()).toBe('Tickets · Parley');
    await (await nav('Conversations')).focus();
    await admin.keyboard.press('Enter');
    await expect.poll(focused).toBe('Inbox');

    // Alt+X closes the open conversation; the next one opens with focus in its reply box, not <body>
    await admin.keyboard.press('Tab');
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { name: 'Grace Hopper', level: 2 }).waitFor();
    await admin.keyboard.press('Alt+x');
    await admin.getByRole('heading', { name: 'lin@example.com', level: 2 }).waitFor();
    const focusedLabel = () =>
      admin.evaluate<string>(
        'document.activeElement?.labels?.[0]?.textContent?.trim() ?? document.activeElement?.tagName',
      );
    await expect.poll(focusedLabel).toBe('Message');
    expect(pageErrors).toEqual([]);
  });
});
