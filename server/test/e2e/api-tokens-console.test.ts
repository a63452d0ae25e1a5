/**
 * API tokens in a real browser (issue 21): an admin creates a token on the console page, copies it
 * (shown once), and the token then works against /api/v1; revoking it stops it. The page and the
 * API reference pass axe-core; screenshots at desktop width and 375 px are kept for review.
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
import { saveScreenshot } from '../support/screenshots.ts';
import { apiAs } from '../support/api-v1.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('API tokens in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    admin = await context.newPage();
    admin.setDefaultTimeout(10_000);
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await admin.getByText('Connected').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a token that works against the API once copied, and revokes it', async () => {
    await openConsolePage(admin, 'API tokens');
    await admin.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await admin.getByText('No API tokens yet.').waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    const form = admin.getByRole('region', { name: 'Create a token' });
    await form.getByRole('textbox', { name: 'Name' }).fill('CRM sync');
    await form.getByRole('checkbox', { name: 'Write' }).check();
    await form.getByRole('checkbox', { name: 'Only some sites' }).check();
    await form.getByRole('checkbox', { name: 'Demo' }).check();
    await saveScreenshot(admin, 'api-tokens', 'create-form-desktop');
    await form.getByRole('button', { name: 'Create token' }).click();

    const shown = admin.getByRole('region', { name: 'Copy the token for CRM sync now' });
    await shown.waitFor();
    const token = await shown.getByRole('textbox', { name: 'New API token' }).inputValue();
    expect(token).toMatch(/^parley_/);
    await shown.getByRole('button', { name: 'Copy token' }).click();
    await shown.getByText('Token copied.').waitFor();
    expect(await admin.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'api-tokens', 'token-shown-desktop');

    const api = apiAs(t.url, token);
    const agents = await api('GET', '/api/v1/agents');
    expect(agents.status).toBe(200);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await admin.reload();
    const row = admin.getByRole('row', { name: /CRM sync/ });
    await row.waitFor();
    expect(await admin.content()).not.toContain(token);
    expect(await row.getByRole('cell').nth(3).textContent()).not.toBe('Never');

    await admin.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'api-tokens', 'list-375');
    await admin.setViewportSize({ width: 1280, height: 900 });

    await row.getByRole('button', { name: 'Revoke CRM sync' }).click();
    await row.getByRole('button', { name: 'Confirm: revoke CRM sync' }).click();
    await admin.getByText('CRM sync is revoked: requests with it are refused from now on.').waitFor();
    expect((await api('GET', '/api/v1/agents')).status).toBe(401);
    await saveScreenshot(admin, 'api-tokens', 'revoked-desktop');
    expect(pageErrors).toEqual([]);
  });

  it('serves a readable API reference that passes axe at both widths', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/api/v1/reference`);
    await page.getByRole('heading', { name: 'Parley REST API', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Conversations', level: 2 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'api-tokens', 'reference-desktop');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'api-tokens', 'reference-375');
    await page.close();
  });
});
