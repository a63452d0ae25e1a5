/**
 * The agent's shift in a real browser against the real server: two agents take from one queue in
 * manual routing (the accepted chat disappears for the other at once), a transfer with a note, and a
 * private note that never reaches the visitor's browser, not on the wire, not on screen, not after a
 * reload. Each console passes an axe-core scan along the way.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { setDemoRouting } from '../support/workflow.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SECRET = 'PRIVATE: chargeback history, refund only with approval';
const HANDOVER = 'Billing question, order 4711: please take over';

describe.runIf(chromiumAvailable)('the agent console workflow in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let ann: Page;
  let bob: Page;
  let visitor: Page;
  /** Every WebSocket frame the visitor's browser received, as text. */
  const visitorFrames: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    await setDemoRouting(t, 'manual');
    browser = await launchBrowser();
    ann = await signedIn('Ann');
    bob = await signedIn('Bob');
    visitor = await newPage('visitor');
    visitor.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => visitorFrames.push(String(payload))),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(who: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    return page;
  }

  async function signedIn(name: string): Promise<Page> {
    const agent = await t.createAgent({ name, capacity: 3 });
    const page = await newPage(name);
    await signIn(page, `${t.url}/console/`, { email: agent.email, password: agent.password });
    await page.getByText('Connected').waitFor();
    return page;
  }

  const acceptButtons = (page: Page) => page.getByRole('button', { name: /^Accept chat with / });

  it('lets one of two agents accept a waiting visitor, and the chat disappears for the other at once', async () => {
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Hello, I was charged twice');
    await visitor.getByRole('button', { name: 'Send' }).click();

    // Both consoles show the waiting visitor with what they wrote.
    await acceptButtons(ann).waitFor();
    await acceptButtons(bob).waitFor();
    await bob.getByRole('region', { name: 'Queue' }).getByText('Hello, I was charged twice').waitFor();
    expect(await axeViolations(bob)).toEqual([]);

    await acceptButtons(ann).click();
    await ann.getByRole('log').getByText('Hello, I was charged twice').waitFor();
    await expect.poll(() => acceptButtons(bob).count()).toBe(0);
    await bob.getByRole('region', { name: 'Queue' }).getByText('Nobody is waiting.').waitFor();
    await ann.getByText('1 of 3 chats').waitFor();

    await ann.getByRole('textbox', { name: 'Message' }).fill('Sorry about that, let me look.');
    await ann.keyboard.press('Enter');
    await visitor.getByRole('log').getByText('Sorry about that, let me look.').waitFor();
    expect(await axeViolations(ann)).toEqual([]);
  });

  it('transfers the chat to a colleague with a note: it moves from one console to the other', async () => {
    await ann.getByRole('button', { name: 'Transfer' }).click();
    const dialog = ann.getByRole('dialog', { name: 'Transfer conversation' });
    const select = dialog.getByRole('combobox', { name: 'Transfer to' });
    await expect.poll(async () => (await select.locator('option:checked').textContent()) ?? '').toContain('Bob');
    await dialog.getByRole('textbox', { name: 'Note for your colleague (private)' }).fill(HANDOVER);
    expect(await axeViolations(ann)).toEqual([]);
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await ann.getByText('Select a conversation to read and reply.', { exact: false }).waitFor();
    expect(await ann.getByRole('button', { name: /charged twice|let me look/ }).count()).toBe(0);

    await bob.getByRole('button', { name: /let me look/ }).click();
    const log = bob.getByRole('log');
    await log.getByText(HANDOVER).waitFor();
    await log.getByText('Transferred to Bob').waitFor();
    await log.getByText('Hello, I was charged twice').waitFor();
  });

  it('keeps a private note away from the visitor’s browser, on the wire, on screen and after a reload', async () => {
    await bob.getByRole('checkbox', { name: 'Private note' }).check();
    await bob.getByRole('textbox', { name: 'Private note' }).fill(SECRET);
    await bob.getByRole('button', { name: 'Add note' }).click();
    await bob.getByRole('log').getByText(SECRET).waitFor();

    // a reply after the note: once the visitor shows it, anything sent before it has arrived too
    await bob.getByRole('checkbox', { name: 'Private note' }).uncheck();
    await bob.getByRole('textbox', { name: 'Message' }).fill('Refund is on its way.');
    await bob.keyboard.press('Enter');
    await visitor.getByRole('log').getByText('Refund is on its way.').waitFor();
    expect(visitorFrames.length).toBeGreaterThan(0);
    expect(visitorFrames.filter((frame) => frame.includes('PRIVATE') || frame.includes('please take over'))).toEqual(
      [],
    );
    expect(
      await visitor.evaluate<string>(
        "document.body.innerHTML + (document.querySelector('parley-widget')?.shadowRoot?.innerHTML ?? '')",
      ),
    ).not.toContain('PRIVATE');

    const framesBefore = visitorFrames.length;
    await visitor.reload();
    const openAgain = visitor.getByRole('button', { name: 'Open chat' });
    if (await openAgain.isVisible()) await openAgain.click();
    await visitor.getByRole('log').getByText('Refund is on its way.').waitFor();
    expect(visitorFrames.length).toBeGreaterThan(framesBefore);
    expect(visitorFrames.filter((frame) => frame.includes('PRIVATE'))).toEqual([]);
    expect(await visitor.evaluate<string>('JSON.stringify(localStorage)')).not.toContain('PRIVATE');
    expect(await visitor.getByRole('log').textContent()).not.toContain('PRIVATE');
    expect(await axeViolations(bob)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
