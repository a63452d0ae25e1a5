/**
 * Rich messages in a real browser, visitor and agent each in their own context: the agent sends
 * quick replies from the console's Insert dialog, the visitor clicks one in the widget, the agent
 * sees the choice, and both sides show the quick replies answered, also after the visitor reloads.
 * Then a form (filled in by the visitor), a card and article links. axe scans the new UI on both
 * sides; screenshots go to test-results/screenshots/rich-messages/ for review.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = 'rich-messages';

describe.runIf(chromiumAvailable)('rich messages in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    browser = await launchBrowser();
    visitorContext = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const watch = (page: Page, who: string) => {
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
  };

  /** The agent fills the reply box, opens Insert…, picks a kind, lets `fill` fill it in, and sends. */
  async function insert(agent: Page, text: string, kind: string, fill: (dialog: Page) => Promise<void>) {
    await agent.getByRole('textbox', { name: 'Message' }).fill(text);
    await agent.getByRole('button', { name: 'Insert…' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Insert rich content' });
    await dialog.getByRole('radio', { name: kind }).check();
    await fill(agent);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('round-trips quick replies and a form between console and widget, and keeps them answered', async () => {
    const visitor = await visitorContext.newPage();
    watch(visitor, 'visitor');
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('I need help with my account');
    await visitor.getByRole('button', { name: 'Send' }).click();

    const agent = await agentContext.newPage();
    watch(agent, 'agent');
    await signIn(agent, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await agent
      .getByRole('button', { name: /I need help with my account/ })
      .first()
      .click();
    await agent.getByRole('log').getByText('I need help with my account').waitFor();

    // the builder: refuses what the schema refuses, in words, and passes axe
    await agent.getByRole('button', { name: 'Insert…' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Insert rich content' });
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/Choices: add at least one choice/)
      .waitFor();
    expect(await axeViolations(agent, '.dialog')).toEqual([]);
    await saveScreenshot(agent, SHOTS, 'console-insert-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await insert(agent, 'What is it about?', 'Quick replies', async (page) => {
      await page.getByRole('textbox', { name: 'Choices' }).fill('Billing\nTechnical problem\nSomething else');
    });
    await agent.getByRole('log').getByText('Waiting for the visitor’s choice').waitFor();

    const widget = visitor.locator('parley-widget');
    const choices = widget.getByRole('group', { name: 'Billing / Technical problem / Something else' });
    await choices.getByRole('button', { name: 'Technical problem' }).waitFor();
    await expect.poll(() => axeViolations(visitor, 'parley-widget')).toEqual([]);
    await saveScreenshot(visitor, SHOTS, 'widget-quick-replies');

    await choices.getByRole('button', { name: 'Technical problem' }).click();
    await expect
      .poll(() => choices.getByRole('button', { name: 'Technical problem' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await choices.getByRole('button', { name: 'Billing' }).isDisabled()).toBe(true);
    // the choice goes on as the visitor's message, shown once
    await expect.poll(() => visitor.getByRole('log').getByText('Technical problem', { exact: true }).count()).toBe(2);

    const agentLog = agent.getByRole('log');
    await agentLog.getByText('Quick reply', { exact: true }).waitFor();
    await agentLog.getByText('Answered', { exact: true }).waitFor();
    await saveScreenshot(agent, SHOTS, 'console-quick-reply-answered');

    // a form: the visitor fills it in, the agent reads the answer
    await insert(agent, 'Where can we reach you?', 'Form', async (page) => {
      await page.getByRole('textbox', { name: 'Title' }).fill('Your details');
      await page.getByRole('button', { name: 'Add field' }).click();
      await page.getByRole('textbox', { name: 'Field 2 label' }).fill('Order number');
    });
    const form = widget.getByRole('form', { name: 'Your details' });
    await form.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
    await form.getByRole('textbox', { name: 'Order number' }).fill('A-1001');
    await expect.poll(() => axeViolations(visitor, 'parley-widget')).toEqual([]);
    await saveScreenshot(visitor, SHOTS, 'widget-form');
    await form.getByRole('button', { name: 'Send' }).click();
    await agentLog.getByText('Form answer', { exact: true }).waitFor();
    await agentLog.getByText('A-1001', { exact: true }).waitFor();

    // a card and article links
    await insert(agent, 'Have a look', 'Card', async (page) => {
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Pro plan');
      await page.getByRole('textbox', { name: 'Text', exact: true }).fill('Everything in Basic, and priority support.');
      await page.getByRole('textbox', { name: 'Link buttons' }).fill('See pricing https://example.com/pricing');
    });
    await insert(agent, 'These may help', 'Article links', async (page) => {
      await page
        .getByRole('textbox', { name: 'Articles' })
        .fill(
          'Resetting your password https://help.example.com/reset\nBilling questions https://help.example.com/billing',
        );
    });
    const pricing = widget.getByRole('link', { name: 'See pricing' });
    await pricing.waitFor();
    expect(await pricing.getAttribute('rel')).toBe('noopener noreferrer');
    await widget.getByRole('link', { name: 'Resetting your password' }).waitFor();
    // polled: a message that just arrived fades in, and axe measures contrast mid-fade
    await expect.poll(() => axeViolations(visitor, 'parley-widget')).toEqual([]);
    await saveScreenshot(visitor, SHOTS, 'widget-form-card-articles');
    await agentLog.getByRole('link', { name: 'Billing questions' }).waitFor();
    await expect.poll(() => axeViolations(agent)).toEqual([]);
    await saveScreenshot(agent, SHOTS, 'console-rich-log');

    // after a reload the answered quick replies and form still take nothing more
    await visitor.reload();
    const openAgain = visitor.getByRole('button', { name: 'Open chat' });
    if (await openAgain.isVisible()) await openAgain.click();
    const again = visitor.locator('parley-widget').getByRole('group', { name: /Billing \/ Technical problem/ });
    await expect
      .poll(() => again.getByRole('button', { name: 'Technical problem' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await again.getByRole('button', { name: 'Something else' }).isDisabled()).toBe(true);
    await again.scrollIntoViewIfNeeded();
    await saveScreenshot(visitor, SHOTS, 'widget-after-reload');
    expect(
      await visitor
        .locator('parley-widget')
        .getByRole('form', { name: 'Your details' })
        .getByRole('textbox', { name: 'Email' })
        .inputValue(),
    ).toBe('ada@example.com');

    // the record: each answer once, with the server's own text
    const token = await visitor.evaluate<string | null>(
      `localStorage.getItem(${JSON.stringify(`parley:${t.siteKey}:token`)})`,
    );
    const conversation = await t.server.store.conversations.findLatestByVisitor(token?.split('.')[0] ?? '');
    const messages = await t.server.store.messages.listAfter(conversation?.id ?? '', 0, 100);
    expect(messages.map((m) => [m.author.kind, m.content?.type ?? null, m.body])).toEqual([
      ['visitor', null, 'I need help with my account'],
      ['agent', 'quick_replies', 'What is it about?'],
      ['visitor', 'quick_reply_choice', 'Technical problem'],
      ['agent', 'form', 'Where can we reach you?'],
      ['visitor', 'form_answer', 'Email: ada@example.com\nOrder number: A-1001'],
      ['agent', 'card', 'Have a look'],
      ['agent', 'articles', 'These may help'],
    ]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
