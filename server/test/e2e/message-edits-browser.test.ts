/**
 * Quoted reply, edit and delete in a real browser (issue 19), the visitor on the demo page and an admin
 * in the console, each in their own browser context: a quoted reply shows on both sides; an edit and a
 * delete show on both sides, live and after a reload; the admin reads the original text; the new UI
 * passes axe-core. Screenshots go to test-results/screenshots/message-edits/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CARD = 'My card is 4111 1111 1111 1111';

describe.runIf(chromiumAvailable)('quoted reply, edit and delete in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const watch = (page: Page, who: string) =>
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
  /** The message (bubble or log item) holding `text`. */
  const bubble = (page: Page, text: string) => page.getByRole('log').locator('.message', { hasText: text }).first();

  it('shows quotes, edits and deletes on both sides; the admin reads the original', async () => {
    const visitor = await (await browser.newContext()).newPage();
    watch(visitor, 'visitor');
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    const say = async (text: string) => {
      await visitor.getByRole('textbox', { name: 'Message' }).fill(text);
      await visitor.getByRole('button', { name: 'Send' }).click();
      await visitor.getByRole('log').getByText(text).waitFor();
    };
    await say('My parcel is late');
    await say(CARD);

    const agent = await (await browser.newContext()).newPage();
    watch(agent, 'agent');
    await signIn(agent, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await agent
      .getByRole('button', { name: /My card is/ })
      .first()
      .click();
    await agent.getByRole('log').getByText(CARD).waitFor();

    // the agent quotes the visitor's first message
    await bubble(agent, 'My parcel is late').getByRole('button', { name: 'Reply' }).click();
    await agent.getByText(/Replying to/).waitFor();
    await agent.getByRole('textbox', { name: 'Message' }).fill('Sorry about that, let me look');
    await agent.getByRole('button', { name: 'Send' }).click();
    const visitorSees = bubble(visitor, 'Sorry about that, let me look');
    await visitorSees.getByRole('button', { name: /My parcel is late/ }).waitFor();
    await bubble(agent, 'Sorry about that, let me look')
      .getByRole('button', { name: /Go to the quoted message from/ })
      .waitFor();

    // the visitor quotes the agent's answer
    await visitorSees.getByRole('button', { name: 'Reply' }).click();
    await visitor.getByText(/Replying to/).waitFor();
    await say('Thanks!');
    await bubble(agent, 'Thanks!').getByText('Sorry about that, let me look').waitFor();

    // the visitor fixes their first message and deletes the one with the card number
    await bubble(visitor, 'My parcel is late').getByRole('button', { name: 'Edit' }).click();
    await visitor.getByRole('textbox', { name: 'Edit message' }).fill('My parcel is two weeks late');
    await visitor.getByRole('button', { name: 'Save' }).click();
    await bubble(agent, 'My parcel is two weeks late').getByText('Edited').waitFor();
    await bubble(visitor, CARD).getByRole('button', { name: 'Delete' }).click();
    // asked once more, since a delete cannot be undone
    await bubble(visitor, CARD)
      .getByRole('group', { name: 'Delete for everyone?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await agent.getByRole('log').getByText('Message deleted').first().waitFor();
    await expect.poll(() => agent.getByRole('log').getByText(CARD).count()).toBe(0);
    await expect.poll(() => visitor.getByRole('log').getByText(CARD).count()).toBe(0);
    // the agent's quote follows the edit
    await bubble(agent, 'Sorry about that, let me look').getByText('My parcel is two weeks late').waitFor();

    // the agent edits their own answer; the visitor sees it
    await bubble(agent, 'Sorry about that, let me look').getByRole('button', { name: 'Edit' }).click();
    await agent.getByRole('textbox', { name: 'Edit message' }).fill('Sorry about that, I am looking now');
    await agent.getByRole('button', { name: 'Save' }).click();
    await bubble(visitor, 'Sorry about that, I am looking now').getByText('edited').waitFor();

    // the admin reads what the delete removed
    const deleted = agent.getByRole('log').locator('li', { hasText: 'Message deleted' }).first();
    await deleted.getByRole('button', { name: 'Show changes' }).click();
    await agent.getByRole('list', { name: 'Changes to this message' }).getByText(CARD).waitFor();
    await saveScreenshot(agent, 'message-edits', 'console-admin-sees-original');
    expect(await axeViolations(agent, '.log')).toEqual([]);
    // the composer's emoji grid passes too, open
    await agent.getByRole('button', { name: 'Emoji' }).click();
    await agent.getByRole('group', { name: 'Insert an emoji' }).waitFor();
    await saveScreenshot(agent, 'message-edits', 'console-emoji-grid');
    expect(await axeViolations(agent, '.composer')).toEqual([]);
    await agent.keyboard.press('Escape');
    await saveScreenshot(visitor, 'message-edits', 'widget-edited-deleted-quoted');
    expect(await axeViolations(visitor, 'parley-widget')).toEqual([]);

    // after a reload the visitor sees the same: the edit, the deleted message in its place, the quotes
    await visitor.reload();
    const openAgain = visitor.getByRole('button', { name: 'Open chat' });
    if (await openAgain.isVisible()) await openAgain.click();
    await bubble(visitor, 'My parcel is two weeks late').waitFor();
    await visitor.getByRole('log').getByText('Message deleted').first().waitFor();
    expect(await visitor.getByRole('log').getByText(CARD).count()).toBe(0);
    await bubble(visitor, 'Thanks!').getByText('Sorry about that, I am looking now').waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
