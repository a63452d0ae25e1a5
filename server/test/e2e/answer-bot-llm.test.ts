/**
 * The built-in bot with a language model in a real browser (issue 22): Parley talks to an
 * OpenAI-compatible server the test starts and scripts. The visitor's question is answered in the
 * real widget: the answer grows in one bubble under the bot's name while the model writes it (not
 * read out piece by piece), then the stored message takes its place, once, with the card of the
 * article it cited and "Did that answer your question?". The console's Answer bot section names the
 * model. axe scans the widget mid-answer; screenshots go to test-results/screenshots/answer-bot/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { startScriptedLlm, type ScriptedLlm } from '../support/scripted-llm.ts';
import { botSite } from '../answer-bot/bot-fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('answers from a language model in a real browser', () => {
  let t: TestServer;
  let llm: ScriptedLlm;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    llm = await startScriptedLlm();
    t = await startTestServer({ env: { LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'scripted-model' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await llm?.close();
  });

  it('streams the answer into the widget, then shows the stored answer once with its card', async () => {
    await botSite(t);
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    llm.script({
      stream: ['Refunds are possible ', 'within 30 days of delivery [1]', '. Start one from your order page [1].'],
      hold: { after: 2, until: released },
    });
    const errors: string[] = [];
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const widget = page.locator('parley-widget');
    // everything put in the live region, as a screen reader would hear it
    await widget.locator('.sr[aria-live="polite"]').evaluate((region) => {
      // the browser's own classes, typed loosely: the server's TypeScript has no DOM types
      type Observer = new (
        callback: (records: Array<{ addedNodes: Iterable<{ textContent: string | null }> }>) => void,
      ) => {
        observe(target: unknown, options: object): void;
      };
      const heard: string[] = [];
      Reflect.set(globalThis, 'heard', heard);
      const MutationObserver = Reflect.get(globalThis, 'MutationObserver') as Observer;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) if (node.textContent) heard.push(node.textContent);
      }).observe(region, { childList: true, subtree: true });
    });
    const heard = () => page.evaluate(() => Reflect.get(globalThis, 'heard') as string[]);
    await widget.getByRole('textbox').last().fill('How do I get a refund for my order?');
    await widget.getByRole('textbox').last().press('Enter');

    // half written: one bubble under the bot's name, growing, and nothing of it in the live region
    const log = widget.getByRole('log');
    await log.getByText('Refunds are possible within 30 days of delivery [1]', { exact: true }).waitFor();
    expect(await log.getByText('Did that answer your question?').count()).toBe(0);
    expect(await log.locator('.message.from-agent .author').last().textContent()).toBe('Answer bot');
    expect((await heard()).join('\n')).not.toContain('Refunds are possible');
    await expect.poll(() => axeViolations(page, 'parley-widget')).toEqual([]);
    await saveScreenshot(page, 'answer-bot', 'widget-llm-streaming');

    release();
    const final = 'Refunds are possible within 30 days of delivery [1]. Start one from your order page [1].';
    await log.getByText('Did that answer your question?').waitFor();
    expect(await log.getByText(final, { exact: true }).count()).toBe(1);
    expect(await log.getByText('Refunds are possible', { exact: false }).count()).toBe(1);
    expect(await widget.getByRole('link', { name: /Refund policy/ }).getAttribute('href')).toBe(
      `${t.url}/help/${t.siteKey}/en/articles/refund-policy`,
    );
    // the stored answer is said once, and no piece of it before
    await expect.poll(heard).toContain('Did that answer your question?');
    expect((await heard()).filter((text) => text.includes('Refunds are possible'))).toEqual([final]);
    // the card and the quick replies, drawn once their chunk is in, leave the end of the log in view
    await widget.getByRole('button', { name: 'Yes, thanks' }).waitFor();
    type Scrolled = { scrollHeight: number; scrollTop: number; clientHeight: number };
    await expect
      .poll(() => log.evaluate((el: Scrolled) => el.scrollHeight - el.scrollTop - el.clientHeight))
      .toBeLessThan(2);
    await saveScreenshot(page, 'answer-bot', 'widget-llm-answer');

    // the console names the model that writes the answers
    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(agent, `${t.url}/console/admin/sites`, ADMIN);
    const section = agent.getByRole('form', { name: 'Answer bot' });
    await section.getByText('scripted-model', { exact: true }).waitFor();
    expect(await axeViolations(agent, 'form[aria-label="Answer bot"]')).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
