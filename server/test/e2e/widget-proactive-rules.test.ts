/**
 * Page rules in a real browser: the widget on a host site's pages shows a rule's message when its
 * conditions hold (time on page on the matching page only, scroll depth, exit intent), keeps its
 * frequency caps across reloads, and stays quiet while the visitor is in a chat.
 *
 * The rules reach the widget inside its config: each test puts exactly the public rules it is about
 * into the real config response on its way to the page (context.route), so what the engine
 * evaluates is spelled out here. The path through the admin API and the server's own config is
 * rules-console.test.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PublicProactiveRule, RuleCondition } from '@parley/shared';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { chromiumAvailable, launchBrowser, requireBuiltFrontEnds } from '../support/browser.ts';
import { axeViolations } from '../support/axe-scan.ts';
import { disconnectAll } from '../support/clients.ts';
import { html, startHostSite, type HostSite } from './host-pages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function rule(
  id: string,
  message: string,
  conditions: RuleCondition[],
  overrides: Partial<PublicProactiveRule> = {},
): PublicProactiveRule {
  return {
    id,
    conditions: { match: 'all', groups: [{ match: 'all', conditions }] },
    message,
    senderName: 'Ada',
    senderAvatarUrl: null,
    openPanel: false,
    delaySeconds: 0,
    frequency: 'pageView',
    cooldownMinutes: 0,
    ...overrides,
  };
}

const onPath = (value: string): RuleCondition => ({ field: 'url', part: 'path', operator: 'equals', value });

describe.runIf(chromiumAvailable)('page rules in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let site: HostSite;
  const problems: string[] = [];

  beforeAll(async () => {
    requireBuiltFrontEnds(root);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    t = await startTestServer();
    const page = (title: string): { body: string } => ({
      // tall enough to scroll: the scroll rule needs somewhere to go
      body: html(
        '',
        `<h1>${title}</h1><div style="height:4000px"></div><script async src="${t.url}/widget.js" data-site-key="${t.siteKey}"></script>`,
      ),
    });
    site = await startHostSite(t, { '/pricing': page('Pricing'), '/docs': page('Docs') });
    context = await browser.newContext();
    problems.length = 0;
  });
  afterEach(async () => {
    await context.close();
    await site.close();
    disconnectAll();
    await t.close();
    expect(problems).toEqual([]);
  });

  /** Serves the site's real config with `rules` as its page rules. */
  async function withRules(rules: PublicProactiveRule[]): Promise<void> {
    await context.route(`${t.url}/api/widget/config/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), proactiveRules: rules } });
    });
  }

  async function visit(pathname: string, page?: Page): Promise<Page> {
    const tab = page ?? (await context.newPage());
    tab.on('pageerror', (error) => problems.push(error.message));
    await tab.goto(`${site.origin}${pathname}`);
    return tab;
  }

  /** Resolves once the chat has its config (and so its rules): the widget's `ready` event. */
  async function ready(page: Page): Promise<void> {
    await page.waitForFunction(() => typeof Reflect.get(globalThis, 'Parley') === 'function');
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const parley = Reflect.get(globalThis, 'Parley') as (...args: unknown[]) => void;
          parley('on', 'ready', resolve);
        }),
    );
  }

  /** The proactive message's button (it opens the panel to answer). */
  const bubble = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text) });

  /** Resolves once the widget told the server the rule fired (its proactive:event on the socket). */
  function firing(page: Page, ruleId: string): Promise<void> {
    return new Promise((resolve) => {
      page.on('websocket', (ws) =>
        ws.on('framesent', ({ payload }) => {
          if (
            typeof payload === 'string' &&
            payload.includes('"proactive:event"') &&
            payload.includes(`"ruleId":"${ruleId}"`) &&
            payload.includes('"fired"')
          ) {
            resolve();
          }
        }),
      );
    });
  }

  it('fires a time-on-page rule on the matching page only', async () => {
    await withRules([
      rule('pricing', 'Questions about pricing?', [onPath('/pricing'), { field: 'timeOnPage', seconds: 1 }]),
      // a later rule that fires on the docs page after longer: by then the pricing rule would have shown
      rule('docs', 'Finding what you need?', [onPath('/docs'), { field: 'timeOnPage', seconds: 2 }]),
    ]);
    // the engine is a chunk of its own, fetched because this config has rules
    const engineChunks: string[] = [];
    context.on('request', (request) => {
      if (request.url().includes('/widget/lazy-rule-engine-')) engineChunks.push(request.url());
    });
    const docs = await visit('/docs');
    await bubble(docs, 'Finding what you need\\?').waitFor();
    expect(await docs.getByText('Questions about pricing?').count()).toBe(0);
    expect(engineChunks).toHaveLength(1);

    const pricing = await visit('/pricing');
    await bubble(pricing, 'Questions about pricing\\?').waitFor();
    expect(await axeViolations(pricing, 'parley-widget')).toEqual([]);
    // pressing it opens the panel with the message first, ready for the answer
    await bubble(pricing, 'Questions about pricing\\?').click();
    await expect(pricing.getByRole('log').textContent()).resolves.toContain('Questions about pricing?');
    await pricing.getByRole('textbox', { name: 'Message' }).waitFor();
  });

  it('fires a scroll-depth rule once the visitor has read far enough', async () => {
    await withRules([rule('deep', 'Still reading? Ask us.', [{ field: 'scrollDepth', percent: 90 }])]);
    const page = await visit('/docs');
    await ready(page);
    expect(await page.getByText('Still reading? Ask us.').count()).toBe(0);
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, 5000);
    await bubble(page, 'Still reading\\? Ask us\\.').waitFor();
  });

  it('fires an exit-intent rule when the pointer leaves through the top of the page', async () => {
    await withRules([rule('leaving', 'Before you go: 10% off today.', [{ field: 'exitIntent' }])]);
    const page = await visit('/pricing');
    await ready(page);
    await page.mouse.move(400, 300);
    await page.mouse.move(400, 200);
    expect(await page.getByText('Before you go').count()).toBe(0);
    // toward the tabs and the address bar: out of the viewport through its top edge
    await page.mouse.move(400, -5, { steps: 4 });
    await bubble(page, 'Before you go').waitFor();
  });

  it('keeps a once-per-session cap across reloads, and lets a lower rule have its turn', async () => {
    await withRules([
      rule('once', 'A one-time hello.', [onPath('/pricing')], { frequency: 'session' }),
      rule('every-page', 'Need a hand?', [onPath('/pricing')], { delaySeconds: 1 }),
    ]);
    const page = await visit('/pricing');
    await bubble(page, 'A one-time hello\\.').waitFor();
    await page.reload();
    // the capped rule stays quiet, so the next one in order shows instead
    await bubble(page, 'Need a hand\\?').waitFor();
    expect(await page.getByText('A one-time hello.').count()).toBe(0);
    // closed: nothing more reaches out in this session, even after a reload
    const fired = firing(page, 'every-page');
    await page.getByRole('button', { name: 'Close this message' }).click();
    expect(await page.getByText('Need a hand?').count()).toBe(0);
    await page.reload();
    await fired;
    expect(await page.getByText('Need a hand?').count()).toBe(0);
  });

  it('stays quiet while the visitor is in a chat', async () => {
    await withRules([rule('pricing', 'Questions about pricing?', [onPath('/pricing')], { delaySeconds: 1 })]);
    const page = await visit('/docs');
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Hello, is anyone there?');
    await page.keyboard.press('Enter');
    await page.getByText('Waiting for an agent').first().waitFor();
    const fired = firing(page, 'pricing');
    await page.goto(`${site.origin}/pricing`);
    await fired;
    expect(await page.getByText('Questions about pricing?').count()).toBe(0);
  });
});
