/**
 * Files in a real browser, each actor in their own context: a visitor pastes a screenshot and drops
 * two files, the agent sees and downloads them; another visitor and an anonymous caller get no link;
 * an HTML page named .png is refused (so nothing of it can ever run); an upload started while the
 * server is down waits, says so, and completes when the server is back. axe scans the new interface.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds, signIn } from '../support/browser.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { agentLink, pngImage, PDF, visitorLink } from '../support/attachments.ts';
import { visitorWrites } from '../support/workflow.ts';
import { disconnectAll } from '../support/clients.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = 'files-in-chat';

interface FileSpec {
  name: string;
  type: string;
  base64: string;
}

/** Dispatches a paste (on the message box) or a drop (on the panel) carrying `files`, as a browser does. */
async function deliver(page: Page, how: 'paste' | 'drop', files: FileSpec[]): Promise<void> {
  const target =
    how === 'paste' ? page.getByRole('textbox', { name: 'Message' }) : page.locator('parley-widget .panel');
  await target.evaluate(
    (element, arg) => {
      // the browser's own classes, typed loosely: the server's TypeScript has no DOM types
      type Ctor = new (...args: unknown[]) => unknown;
      const g = globalThis as unknown as Record<'DataTransfer' | 'File' | 'ClipboardEvent' | 'DragEvent', Ctor> & {
        atob(text: string): string;
      };
      const data = new g.DataTransfer() as { items: { add(file: unknown): void } };
      for (const f of arg.files) {
        const bytes = Uint8Array.from(g.atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new g.File([bytes], f.name, { type: f.type }));
      }
      const init = { bubbles: true, cancelable: true, composed: true };
      const event =
        arg.how === 'paste'
          ? new g.ClipboardEvent('paste', { ...init, clipboardData: data })
          : new g.DragEvent('drop', { ...init, dataTransfer: data });
      (element as { dispatchEvent(event: unknown): boolean }).dispatchEvent(event);
    },
    { how, files },
  );
}

describe.runIf(chromiumAvailable)('files in chat in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let visitorContext: BrowserContext;
  let agentContext: BrowserContext;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    t = await startTestServer({ env: { RATE_LIMIT_UPLOADS_PER_VISITOR: '1000/1m' } });
    browser = await launchBrowser();
    visitorContext = await browser.newContext();
    agentContext = await browser.newContext({ acceptDownloads: true });
  });
  afterAll(async () => {
    disconnectAll();
    await browser?.close();
    await t?.close();
  });

  it('carries a pasted screenshot and dropped files from visitor to agent, and nothing to anyone else', async () => {
    const visitor = await visitorContext.newPage();
    visitor.on('pageerror', (error) => pageErrors.push(`visitor: ${error.message}`));
    // a script in a disguised file would say so here; none may ever run
    await visitor.exposeFunction('pwned', () => pageErrors.push('a script from an uploaded file ran'));
    await visitor.goto(`${t.url}/`);
    await visitor.getByRole('button', { name: 'Open chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('My checkout page looks broken');
    await visitor.getByRole('button', { name: 'Send' }).click();

    const agent = await agentContext.newPage();
    agent.on('pageerror', (error) => pageErrors.push(`agent: ${error.message}`));
    await signIn(agent, `${t.url}/console/`, { email: ADMIN.email, password: ADMIN.password });
    await agent
      .getByRole('button', { name: /My checkout page looks broken/ })
      .first()
      .click();
    await agent.getByRole('textbox', { name: 'Message' }).fill('Could you send me a screenshot?');
    await agent.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('log').getByText('Could you send me a screenshot?').waitFor();

    // the site lets visitors attach once an agent has answered: now the button is there
    await visitor.getByLabel('Attach files').waitFor({ state: 'attached' });
    const screenshot = (await pngImage(320, 200)).toString('base64');
    await deliver(visitor, 'paste', [{ name: 'screenshot.png', type: 'image/png', base64: screenshot }]);
    await visitor.getByRole('list', { name: 'Files to send' }).getByText('screenshot.png').waitFor();
    await deliver(visitor, 'drop', [
      { name: 'order.pdf', type: 'application/pdf', base64: PDF.toString('base64') },
      { name: 'notes.txt', type: 'text/plain', base64: Buffer.from('Order 4711, card ends 42\n').toString('base64') },
    ]);
    const tray = visitor.getByRole('list', { name: 'Files to send' });
    await tray
      .getByText('notes.txt')
      .waitFor()
      .catch(async (error: unknown) => {
        await saveScreenshot(visitor, SHOTS, 'visitor-tray-missing');
        throw error;
      });
    await saveScreenshot(visitor, SHOTS, 'visitor-tray');
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Here you go');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('button', { name: 'Open image screenshot.png' }).waitFor();
    await visitor.getByRole('link', { name: /order\.pdf/ }).waitFor();
    await visitor.getByRole('button', { name: 'Open image screenshot.png' }).locator('img').waitFor();
    await saveScreenshot(visitor, SHOTS, 'visitor-sent');
    expect(await axeViolations(visitor, 'parley-widget')).toEqual([]);

    // the image opens full size, and Escape brings the focus back
    await visitor.getByRole('button', { name: 'Open image screenshot.png' }).click();
    await visitor.getByRole('dialog', { name: 'screenshot.png' }).getByRole('img').waitFor();
    await saveScreenshot(visitor, SHOTS, 'visitor-viewer');
    await visitor.keyboard.press('Escape');
    await visitor.getByRole('dialog', { name: 'screenshot.png' }).waitFor({ state: 'detached' });

    // the agent sees them and downloads one
    await agent
      .getByRole('button', { name: /Open image screenshot\.png/ })
      .locator('img')
      .waitFor();
    const pdfLink = agent.getByRole('link', { name: /order\.pdf/ });
    await pdfLink.waitFor();
    await saveScreenshot(agent, SHOTS, 'agent-sees-files');
    expect(await axeViolations(agent)).toEqual([]);
    const [download] = await Promise.all([agent.waitForEvent('download'), pdfLink.click()]);
    const saved = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(saved)).equals(PDF)).toBe(true);

    // another visitor and a caller without credentials get no link to these files
    const href = (await pdfLink.getAttribute('href')) ?? '';
    const pdfId = /\/api\/files\/([^/?]+)/.exec(href)?.[1] ?? '';
    expect(pdfId).not.toBe('');
    const pdfRecord = await t.server.store.attachments.findById(pdfId);
    const someoneElse = await visitorWrites(t, 'I am another visitor');
    expect((await visitorLink(t, someoneElse.token, pdfId)).status).toBe(404);
    expect((await visitorLink(t, undefined, pdfId)).status).toBe(401);
    expect((await agentLink(t, undefined, pdfId)).status).toBe(401);
    // unsigned: refused before anything is looked up
    expect((await fetch(`${t.url}/api/files/${pdfId}`)).status).toBe(400);

    // an HTML page named .png is refused for what it is: visibly, and nothing of it is stored
    const page = `<html><body><script>window.pwned && window.pwned()</script><img src=x onerror="pwned()"></body></html>`;
    await deliver(visitor, 'drop', [
      { name: 'cute-cat.png', type: 'image/png', base64: Buffer.from(page).toString('base64') },
    ]);
    await visitor
      .getByText(/cute-cat\.png was not attached: HTML, SVG and XML files are not accepted/)
      .first()
      .waitFor();
    await saveScreenshot(visitor, SHOTS, 'visitor-refused-html');
    expect(
      (await t.server.store.attachments.listByConversations([pdfRecord?.conversationId ?? ''])).some((a) =>
        a.name.startsWith('cute-cat'),
      ),
    ).toBe(false);
    await visitor.getByRole('button', { name: 'Remove cute-cat.png' }).click();

    // a file attached while the server is down waits, says so, and goes once it is back
    await t.stop();
    await deliver(visitor, 'drop', [
      { name: 'later.txt', type: 'text/plain', base64: Buffer.from('later\n').toString('base64') },
    ]);
    await visitor.getByText('Waiting for the connection to upload later.txt').first().waitFor();
    await visitor.getByText(/reloading the page drops them/).waitFor();
    await saveScreenshot(visitor, SHOTS, 'visitor-waiting');
    await visitor.getByRole('textbox', { name: 'Message' }).fill('One more');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await t.start();
    await agent.getByRole('link', { name: /later\.txt/ }).waitFor({ timeout: 60_000 });
    await visitor.getByRole('link', { name: /later\.txt/ }).waitFor();
    expect(await agent.getByRole('link', { name: /later\.txt/ }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
