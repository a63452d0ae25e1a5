/**
 * The Rules page in a real browser, end to end: an admin builds a page rule (URL AND time on page,
 * sent as themself), tests it against a URL, and saves it; the widget config serves it at once. A
 * visitor in another browser context, on a matching page of the customer's site, sees the message
 * fire (and not on another page), answers it, and the chat starts with that message; the admin sees
 * "Started from rule …", and the rule's counts and conversion appear on the page. The page passes
 * axe-core with the editor open.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WidgetConfigSchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { disconnectAll } from '../support/clients.ts';
import { html, startHostSite, type HostSite } from './host-pages.ts';
import {
  chromiumAvailable,
  launchBrowser,
  requireBuiltFrontEnds,
  signIn,
  openConsolePage,
} from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('rules page in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let admin: Page;
  let site: HostSite;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer();
    const shopPage = (title: string) => ({
      body: html('', `<h1>${title}</h1><script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`),
    });
    site = await startHostSite(t, { '/pricing/teams': shopPage('Team plans') });
    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await admin.getByText('Connected').waitFor();
  });
  afterAll(async () => {
    disconnectAll();
    await browser?.close();
    await site?.close();
    await t?.close();
  });

  it('builds a rule the widget config serves, and shows its reply and counts', async () => {
    await openConsolePage(admin, 'Rules');
    await admin.getByText('No rules yet', { exact: false }).waitFor();
    await admin.getByRole('button', { name: 'New rule' }).click();
    const form = admin.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Rule name').fill('Pricing nudge');
    const first = form.getByRole('group', { name: 'Condition 1' });
    await first.getByLabel('Operator').selectOption('wildcard');
    await first.getByLabel('Value').fill('/pricing*');
    await form.getByRole('button', { name: 'Add condition to group 1' }).click();
    await form.getByRole('group', { name: 'Condition 2' }).getByLabel('Seconds, at least').fill('2');
    await form.getByLabel('Message', { exact: true }).fill('Questions about our plans?');
    await form.getByLabel('Sent as').selectOption({ label: 'Admin' });
    await form
      .getByRole('figure', { name: 'Preview of the message' })
      .getByText('Questions about our plans?')
      .waitFor();

    const tester = form.getByRole('group', { name: 'Test against this URL' });
    await tester.getByLabel('Page URL to test').fill('https://shop.example/pricing/teams');
    await tester.getByText('Not judged from a URL: Time on page.', { exact: false }).waitFor();
    await tester.getByLabel('Page URL to test').fill('https://shop.example/blog');
    await tester.getByText('Does not match', { exact: false }).waitFor();

    expect(await axeViolations(admin)).toEqual([]);
    await form.getByRole('button', { name: 'Save rule' }).click();
    const table = admin.getByRole('table', { name: 'Rules' });
    await table.getByRole('rowheader', { name: 'Pricing nudge' }).waitFor();

    const config = WidgetConfigSchema.parse(await (await fetch(`${t.url}/api/widget/config/${t.siteKey}`)).json());
    const [served] = config.proactiveRules;
    expect(config.proactiveRules).toHaveLength(1);
    expect(served).toMatchObject({
      message: 'Questions about our plans?',
      senderName: 'Admin',
      conditions: {
        match: 'all',
        groups: [
          {
            match: 'all',
            conditions: [
              { field: 'url', part: 'path', operator: 'wildcard', value: '/pricing*' },
              { field: 'timeOnPage', seconds: 2 },
            ],
          },
        ],
      },
    });

    // a visitor on the customer's pricing page: the message comes after 2 seconds there
    const visitor = await (await browser.newContext()).newPage();
    visitor.on('pageerror', (error) => pageErrors.push(error.message));
    const firedOn = (page: Page): Promise<void> =>
      new Promise((resolve) => {
        page.on('websocket', (ws) =>
          ws.on('framesent', ({ payload }) => {
            if (typeof payload === 'string' && payload.includes('"proactive:event"') && payload.includes('"fired"'))
              resolve();
          }),
        );
      });
    const fired = firedOn(visitor);
    await visitor.goto(`${site.origin}/pricing/teams`);
    await fired;
    const bubble = visitor.getByRole('button', { name: /Questions about our plans\?/ });
    await bubble.click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Is there a yearly plan?');
    await visitor.keyboard.press('Enter');
    await visitor.getByRole('log').getByText('Is there a yearly plan?').waitFor();

    await admin.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Conversations' }).click();
    await admin
      .getByRole('button', { name: /Is there a yearly plan\?/ })
      .first()
      .click();
    const log = admin.getByRole('log');
    await log.getByText('Questions about our plans?').waitFor();
    await log.getByText('Is there a yearly plan?').waitFor();
    await admin.getByText('Started from rule “Pricing nudge”').waitFor();

    await openConsolePage(admin, 'Rules');
    const row = admin.getByRole('table', { name: 'Rules' }).getByRole('row', { name: /Pricing nudge/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).slice(1, 6)).toEqual(['1', '1', '1', '1', '100%']);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
