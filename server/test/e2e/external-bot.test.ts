/**
 * An external bot in a real browser (issue 22, bot-external): an admin registers the site's bot in
 * the console and copies the secret and token shown once; the example bot (examples/external-bot)
 * runs with them; the admin points Parley at it and turns external mode on. A visitor's question in
 * the widget is answered by the bot with quick replies, and "Talk to a person" among them hands the
 * conversation to the team. axe scans the new screens; screenshots go to
 * test-results/screenshots/external-bot/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { demoSiteId } from '../answer-bot/bot-fixtures.ts';
import { startExampleBot, type ExampleBot } from '../answer-bot/example-bot-process.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = 'external-bot';

describe.runIf(chromiumAvailable)('an external bot in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let bot: ExampleBot | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_WORKER_INTERVAL_MS: '50' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await bot?.stop();
    await browser?.close();
    await t?.close();
  });

  async function newPage(who: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    return page;
  }

  it('is registered in the console, answers a visitor with quick replies, and hands off on request', async () => {
    const admin = await newPage('admin');
    await signIn(admin, `${t.url}/console/admin/sites`, ADMIN);
    const settings = admin.getByRole('form', { name: 'Answer bot' });
    await settings.getByLabel('Bot', { exact: true }).selectOption('external');
    const external = admin.getByRole('form', { name: 'External bot' });
    await external.getByLabel('Bot URL').fill('http://127.0.0.1:9/not-yet');
    await external.getByRole('button', { name: 'Register bot' }).click();
    const secret = (await external.getByLabel('Signing secret').textContent()) ?? '';
    const token = (await external.getByLabel('Bot API token').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(token).toMatch(/^parley_/);
    await external.getByRole('button', { name: 'Copy token' }).waitFor();
    await external.scrollIntoViewIfNeeded();
    expect(await axeViolations(admin, 'form[aria-label="External bot"]')).toEqual([]);
    await saveScreenshot(admin, SHOTS, 'console-credentials');
    await external.getByRole('button', { name: 'I have stored them' }).click();

    bot = await startExampleBot({ PARLEY_URL: t.url, PARLEY_BOT_SECRET: secret, PARLEY_BOT_TOKEN: token });
    await external.getByLabel('Bot URL').fill(bot.url);
    await external.getByRole('button', { name: 'Change URL' }).click();
    await external.getByText('URL changed.').waitFor();
    await settings.getByRole('button', { name: 'Save answer bot' }).click();
    await settings.getByText(/^Saved\./).waitFor();
    expect((await t.server.store.bots.settings(await demoSiteId(t)))?.mode).toBe('external');
    expect(await axeViolations(admin, 'form[aria-label="External bot"]')).toEqual([]);

    const visitor = await newPage('visitor', { width: 375, height: 740 });
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const widget = visitor.locator('parley-widget');
    await widget.getByRole('textbox').last().fill('When are you open?');
    await widget.getByRole('textbox').last().press('Enter');
    const log = widget.getByRole('log');
    await log.getByText(/9:00–17:00/).waitFor();
    await expect.poll(() => axeViolations(visitor, 'parley-widget')).toEqual([]);
    await saveScreenshot(visitor, SHOTS, 'widget-answer-375');

    await log.getByRole('button', { name: 'Talk to a person' }).click();
    await log.getByText('Let me get a person to help you.').waitFor();
    const started = await t.server.store.bots.listStarted(null, '2000-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z');
    expect(started).toMatchObject([{ mode: 'external', handoffReason: 'asked_for_person' }]);
    expect(pageErrors).toEqual([]);
  });
});
