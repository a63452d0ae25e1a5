/**
 * @module Debian's Chromium driven by playwright-core, launched the way this project's machines
 * need it (headless, no sandbox as root, no background networking, a fresh profile).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const CHROMIUM_PATH = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);
const inCi = process.env.CI === 'true' || process.env.CI === '1';

if (!chromiumAvailable) {
  if (inCi) throw new Error(`CI must provide Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium; see .ci/run)`);
  process.stderr.write(
    `Browser tests not run: install Chromium (apt-get install -y chromium) or set PARLEY_CHROMIUM.\n`,
  );
}

/** `extraArgs`: more Chromium switches, e.g. for a test that serves pages itself (page.route). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  // playwright-core gives every launch() a fresh temporary profile (and refuses --user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** Fails with a clear message when the bundles the browser loads were not built. */
export function requireBuiltFrontEnds(root: string): void {
  for (const file of ['widget/dist/widget.js', 'agent-console/dist/index.html']) {
    if (!fs.existsSync(path.join(root, file))) {
      throw new Error(`${file} is missing: run \`pnpm build\` (npm test builds it for you)`);
    }
  }
}

/** Opens `url` (a console page) and signs in there; the caller waits for what the page shows next. */
export async function signIn(page: Page, url: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The console's settings pages, listed behind the Admin button of its bar (admin-pages-menu.tsx). */
const CONSOLE_ADMIN_PAGES: ReadonlySet<string> = new Set([
  'Agents',
  'Sites',
  'Rules',
  'Help center',
  'Webhooks',
  'API tokens',
]);

/** The link to a console page in its bar; a settings page's link is found behind the Admin button, opened first. */
export async function consolePageLink(page: Page, name: string): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: 'Console pages' });
  if (CONSOLE_ADMIN_PAGES.has(name)) {
    const admin = nav.getByRole('button', { name: 'Admin', exact: true });
    if ((await admin.getAttribute('aria-expanded')) !== 'true') await admin.click();
  }
  return nav.getByRole('link', { name, exact: true });
}

/** Goes to a console page as a person does: its link in the bar (behind the Admin button for a settings page). */
export async function openConsolePage(page: Page, name: string): Promise<void> {
  await (await consolePageLink(page, name)).click();
}
