/**
 * The Webhooks page in a real browser: an admin adds an endpoint for a receiver the test starts
 * (the secret is shown once), sends a test event, sees it delivered in the recent deliveries, and
 * the receiver verifies its signature with that secret; a URL on the private network is refused
 * beside the field. The page passes axe-core, and is screenshotted at desktop size and 375 px wide.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WebhookEventSchema } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { disconnectAll } from '../support/clients.ts';
import {
  chromiumAvailable,
  launchBrowser,
  requireBuiltFrontEnds,
  signIn,
  openConsolePage,
} from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { verifySignature } from '../../src/domain/webhooks/webhook-signature.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.runIf(chromiumAvailable)('webhooks page in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let admin: Page;
  let receiver: WebhookReceiver;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    receiver = await startWebhookReceiver();
    t = await startTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    admin.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(admin, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await admin.getByText('Connected').waitFor();
  });
  afterAll(async () => {
    disconnectAll();
    await browser?.close();
    await t?.close();
    await receiver?.close();
  });

  it('adds an endpoint, delivers a signed test event and shows it delivered', async () => {
    await openConsolePage(admin, 'Webhooks');
    await admin.getByText('No webhooks yet.').waitFor();
    await admin.getByRole('button', { name: 'Add endpoint' }).click();
    const form = admin.getByRole('form', { name: 'New endpoint' });

    // the server's own network is refused, beside the field
    await form.getByLabel('Endpoint URL').fill('http://10.0.0.8/hooks');
    await form.getByRole('button', { name: 'Save endpoint' }).click();
    await form.getByText('10.0.0.8 is not a public address', { exact: false }).waitFor();
    expect(await form.getByLabel('Endpoint URL').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'webhooks', 'refused-url-desktop');

    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByLabel('Ticket solved').check();
    await form.getByRole('button', { name: 'Save endpoint' }).click();
    const secret = (await admin.getByLabel('Signing secret', { exact: true }).textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'webhooks', 'secret-once-desktop');
    await admin.getByRole('button', { name: 'I have stored it' }).click();

    await admin.getByRole('button', { name: `Send test event to ${receiver.url}` }).click();
    const deliveries = admin.getByRole('table', { name: 'Deliveries' });
    await deliveries.getByText('Waiting').waitFor();
    expect(await t.server.webhookTick()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    await admin.getByRole('button', { name: 'Refresh deliveries' }).click();
    await deliveries.getByText('Delivered').waitFor();
    await deliveries.getByRole('cell', { name: /^200/ }).waitFor();

    const [request] = receiver.received;
    expect(WebhookEventSchema.parse(JSON.parse(request?.body ?? '{}')).type).toBe('webhook.test');
    const header = String(request?.headers['parley-signature']);
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(verifySignature({ secret, header, body: request?.body ?? '', nowSeconds, toleranceSeconds: 300 })).toBe(
      true,
    );

    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'webhooks', 'deliveries-desktop');
    await admin.setViewportSize({ width: 375, height: 812 });
    expect(await axeViolations(admin)).toEqual([]);
    await saveScreenshot(admin, 'webhooks', 'deliveries-375');
    await admin.getByRole('button', { name: 'Add endpoint' }).click();
    await admin.getByRole('form', { name: 'New endpoint' }).scrollIntoViewIfNeeded();
    await saveScreenshot(admin, 'webhooks', 'form-375');
    expect(pageErrors).toEqual([]);
  });
});
