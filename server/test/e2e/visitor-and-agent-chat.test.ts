/**
 * The walking skeleton in a real browser: a visitor on the demo page and a signed-in agent in the
 * console, each in their own browser context, chat; a reload and a server restart lose nothing and
 * show nothing twice; a message typed while the server is down arrives once it is back.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('visitor and agent in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    browser = await launchBrowser();
    visitorContext = await browser.newContext();
    agentContext = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const watch = (page: Page, who: string) => {
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
  };

  const countIn = async (page: Page, text: string) => page.getByRole('log').getByText(text, { exact: true }).count();

  it('lets a visitor and an agent chat, across a reload and a server restart', async () => {
    const visitor = await visitorContext.newPage();
    watch(visitor, 'visitor');
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Hi, where is my order?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => countIn(visitor, 'Hi, where is my order?')).toBe(1);
    // Nobody is online yet: the visitor waits and is told their place.
    await visitor
      .getByText(/number 1 in the queue/)
      .first()
      .waitFor();

    const agent = await agentContext.newPage();
    watch(agent, 'agent');
    await signIn(agent, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await agent
      .getByRole('button', { name: /Hi, where is my order\?/ })
      .first()
      .click();
    await agent.getByRole('log').getByText('Hi, where is my order?').waitFor();

    await agent.getByRole('textbox', { name: 'Message' }).fill('Happy to help! What is the order number?');
    await agent.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('log').getByText('Happy to help! What is the order number?').waitFor();

    // A reload shows the whole history once.
    await visitor.reload();
    const openAgain = visitor.getByRole('button', { name: 'Open chat' });
    if (await openAgain.isVisible()) await openAgain.click();
    await visitor.getByRole('log').getByText('Happy to help! What is the order number?').waitFor();
    expect(await countIn(visitor, 'Hi, where is my order?')).toBe(1);
    expect(await countIn(visitor, 'Happy to help! What is the order number?')).toBe(1);

    // The server goes away; the visitor writes anyway; the server comes back; the message arrives once.
    await t.stop();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('It is order 4711');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('log').getByText('It is order 4711').waitFor();
    await t.start();
    await agent.getByRole('log').getByText('It is order 4711').waitFor();
    expect(await countIn(agent, 'It is order 4711')).toBe(1);
    await expect.poll(() => countIn(visitor, 'It is order 4711')).toBe(1);

    // The agent answers after the restart, then closes; the visitor sees both.
    await agent.getByRole('textbox', { name: 'Message' }).fill('Found it, it ships today.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('log').getByText('Found it, it ships today.').waitFor();
    await agent.getByRole('button', { name: 'Close conversation' }).click();
    await visitor.locator('parley-widget .status', { hasText: /conversation has ended/i }).waitFor();

    // The record agrees with the screens: one closed conversation, every line once, in order.
    const token = await visitor.evaluate<string | null>(
      `localStorage.getItem(${JSON.stringify(`parley:${t.siteKey}:token`)})`,
    );
    const visitorId = token?.split('.')[0] ?? '';
    const conversation = await t.server.store.conversations.findLatestByVisitor(visitorId);
    expect(conversation?.status).toBe('closed');
    const messages = await t.server.store.messages.listAfter(conversation?.id ?? '', 0, 100);
    expect(messages.map((m) => [m.seq, m.author.kind, m.body])).toEqual([
      [1, 'visitor', 'Hi, where is my order?'],
      [2, 'agent', 'Happy to help! What is the order number?'],
      [3, 'visitor', 'It is order 4711'],
      [4, 'agent', 'Found it, it ships today.'],
    ]);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
