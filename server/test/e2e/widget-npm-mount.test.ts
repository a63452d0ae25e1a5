/**
 * `@parley/widget` as a bundler would use it, in a real browser: a page imports the ESM build
 * (widget/dist/npm), mounts the widget, chats, and unmounts; afterwards no `parley-widget`
 * element, no open WebSocket and no new global is left on the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, WebSocket } from 'playwright-core';
import type { ConversationSummary } from '@parley/shared';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { disconnectAll, nextEvent, signInAgent } from '../support/clients.ts';
import { html, startHostSite, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const npmDist = path.join(root, 'widget/dist/npm');

describe.runIf(chromiumAvailable)('the npm build: mount() and unmount()', () => {
  let t: TestServer;
  let browser: Browser;
  let site: HostSite;

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    if (!fs.existsSync(path.join(npmDist, 'index.js'))) throw new Error('widget/dist/npm is missing: run `pnpm build`');
    t = await startTestServer();
    site = await startHostSite(
      t,
      { '/': { body: html('', '<main>An app that bundles Parley</main>') } },
      { '/npm/': npmDist },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    disconnectAll();
    await t?.close();
  });

  it('mounts, chats, and unmounts without leaving an element, a socket or a global', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const sockets: WebSocket[] = [];
    page.on('websocket', (ws) => sockets.push(ws));
    await page.goto(`${site.origin}/`);
    const globalsBefore = await page.evaluate<string[]>('Object.keys(window)');

    const agent = await signInAgent(t.url, ADMIN.email, ADMIN.password);
    // a JS handle keeps the widget's handle in the page without the test adding a global for it
    const handle = await page.evaluateHandle(
      `import('/npm/index.js').then((m) => m.mount({ siteKey: ${JSON.stringify(t.siteKey)}, serverUrl: ${JSON.stringify(t.url)} }))`,
    );
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await handle.evaluate((h) => (h as { open(): void }).open());
    const assigned = nextEvent<ConversationSummary>(agent, 'conversation:assigned');
    await page.getByRole('textbox', { name: 'Message' }).fill('Hello from a bundled app');
    await page.getByRole('button', { name: 'Send' }).click();
    expect((await assigned).lastMessage?.body).toBe('Hello from a bundled app');
    expect(sockets.filter((ws) => !ws.isClosed())).toHaveLength(1);
    const [socket] = sockets;
    if (!socket) throw new Error('no websocket');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));

    await handle.evaluate((h) => (h as { unmount(): void }).unmount());
    await handle.dispose();
    await closed;
    expect(await page.locator('parley-widget').count()).toBe(0);
    expect(sockets.every((ws) => ws.isClosed())).toBe(true);
    const globalsAfter = await page.evaluate<string[]>('Object.keys(window)');
    expect(globalsAfter.filter((key) => !globalsBefore.includes(key))).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
