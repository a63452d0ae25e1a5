/**
 * A visitor who writes faster than the server's message limit, in a real browser against the real
 * server: the widget says so calmly, keeps what was written, and sends it once the limit allows.
 * Nothing is lost or doubled.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ConversationSummary } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { nextEvent, signInAgent, type AgentSocket } from '../support/clients.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('the widget under a message limit', () => {
  let t: TestServer;
  let browser: Browser;
  let agent: AgentSocket;

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer({ env: { RATE_LIMIT_MESSAGES_PER_VISITOR: '2/2s' } });
    browser = await launchBrowser();
    const record = await t.createAgent({ name: 'Ada', capacity: 5 });
    agent = await signInAgent(t.url, record.email, record.password);
  });
  afterAll(async () => {
    agent?.disconnect();
    await browser?.close();
    await t?.close();
  });

  it('tells the visitor to slow down and sends the held message once it may', async () => {
    const page = await (await browser.newContext()).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.goto(`${t.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    for (const text of ['One', 'Two', 'Three']) {
      await box.fill(text);
      await box.press('Enter');
    }
    await page.getByRole('alert').getByText("You're sending messages quickly — we'll send this in a moment.").waitFor();
    const { id } = await assigned;
    const stored = async () =>
      (await t.server.store.messages.listAfter(id, 0, 100))
        .filter((message) => message.author.kind === 'visitor')
        .map((message) => message.body);
    await expect.poll(stored, { timeout: 15_000 }).toEqual(['One', 'Two', 'Three']);
    // the notice goes once the held message is through; each message shows once
    await page.getByRole('alert').waitFor({ state: 'detached' });
    for (const text of ['One', 'Two', 'Three']) {
      expect(await page.getByRole('log').getByText(text, { exact: true }).count()).toBe(1);
    }
    expect(pageErrors).toEqual([]);
  });
});
