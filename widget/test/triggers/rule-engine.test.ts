/**
 * The page-rule engine with fake timers: when rules fire (time, scroll, exit intent, page views,
 * the chat's state), in which order, after which delay, how often across page views, reloads and
 * sessions, and that its timers and listeners exist only while a rule still needs them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicProactiveRule, RuleCondition } from '@parley/shared';
import { createLocalStore, createSessionStore } from '../../src/client/local-store.ts';
import { RuleEngine, type EngineHooks } from '../../src/triggers/rule-engine.ts';

const SITE = 'site-rules';
const PRICING = 'https://shop.test/pricing';
const DOCS = 'https://shop.test/docs';

function rule(
  id: string,
  conditions: RuleCondition[],
  overrides: Partial<PublicProactiveRule> = {},
): PublicProactiveRule {
  return {
    id,
    conditions: { match: 'all', groups: [{ match: 'all', conditions }] },
    message: `Hello from ${id}`,
    senderName: 'Ada',
    senderAvatarUrl: null,
    openPanel: false,
    delaySeconds: 0,
    frequency: 'pageView',
    cooldownMinutes: 0,
    ...overrides,
  };
}

const onPricing: RuleCondition = { field: 'url', part: 'path', operator: 'equals', value: '/pricing' };
const seconds = (n: number): RuleCondition => ({ field: 'timeOnPage', seconds: n });

interface Page {
  engine: RuleEngine;
  shown: string[];
  fired: string[];
  /** How often the engine looked at the chat's state: once per evaluation. */
  evaluations(): number;
  live: Partial<ReturnType<EngineHooks['live']>>;
  blocked: boolean;
}

const engines: RuleEngine[] = [];

/** A page load: a fresh engine over the same storage, as after a reload. */
function load(rules: PublicProactiveRule[], url = PRICING, options: { oneAtATime?: boolean } = {}): Page {
  let evaluations = 0;
  const page: Page = {
    shown: [],
    fired: [],
    live: {},
    blocked: false,
    evaluations: () => evaluations,
    engine: new RuleEngine(createLocalStore(SITE), createSessionStore(SITE), {
      live: () => {
        evaluations++;
        return { identified: false, attributes: {}, agentsOnline: false, ...page.live };
      },
      blocked: () => page.blocked || (options.oneAtATime === true && page.shown.length > 0),
      fired: (r) => page.fired.push(r.id),
      show: (r) => page.shown.push(r.id),
    }),
  };
  engines.push(page.engine);
  page.engine.pageView(url, 'Shop');
  page.engine.setRules(rules, true);
  return page;
}

function reload(previous: Page, rules: PublicProactiveRule[], url = PRICING): Page {
  previous.engine.stop();
  return load(rules, url);
}

function scrollTo(y: number, height = 2000): void {
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: height });
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
  window.dispatchEvent(new Event('scroll'));
}

function pointerLeaves(clientY: number): void {
  document.dispatchEvent(new MouseEvent('mouseout', { clientY, relatedTarget: null, bubbles: true }));
}

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 500 });
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 2000 });
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('RuleEngine', () => {
  it('fires a time-on-page rule after its seconds, on the matching page only', () => {
    const rules = [rule('pricing-30s', [onPricing, seconds(30)])];
    const docs = load(rules, DOCS);
    vi.advanceTimersByTime(60_000);
    expect(docs.shown).toEqual([]);

    const pricing = reload(docs, rules, PRICING);
    vi.advanceTimersByTime(29_999);
    expect(pricing.shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(pricing.shown).toEqual(['pricing-30s']);
    expect(pricing.fired).toEqual(['pricing-30s']);
  });

  it('starts over on a single-page app’s next page, and stops waiting when it leaves the matching one', () => {
    const page = load([rule('pricing-30s', [onPricing, seconds(30)])]);
    vi.advanceTimersByTime(20_000);
    page.engine.pageView(DOCS, 'Docs');
    vi.advanceTimersByTime(20_000);
    page.engine.pageView(PRICING, 'Pricing');
    vi.advanceTimersByTime(29_000);
    expect(page.shown).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(page.shown).toEqual(['pricing-30s']);
  });

  it('counts time on site from the visit’s first page, across reloads', () => {
    const rules = [rule('site-60s', [{ field: 'timeOnSite', seconds: 60 }])];
    const first = load(rules);
    vi.advanceTimersByTime(40_000);
    const second = reload(first, rules, DOCS);
    vi.advanceTimersByTime(19_000);
    expect(second.shown).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(second.shown).toEqual(['site-60s']);
  });

  it('fires on scroll depth, listening to scrolls only until the rule is done', () => {
    const page = load([rule('read-half', [{ field: 'scrollDepth', percent: 50 }])]);
    scrollTo(400);
    expect(page.shown).toEqual([]);
    scrollTo(600);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['read-half']);
    const before = page.evaluations();
    scrollTo(1500);
    expect(page.evaluations()).toBe(before);
  });

  it('counts a page too short to scroll as read to the end', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 400 });
    const page = load([rule('end', [{ field: 'scrollDepth', percent: 100 }])]);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['end']);
  });

  it('fires on exit intent when a desktop pointer leaves through the top, never on touch screens', () => {
    const rules = [rule('leaving', [{ field: 'exitIntent' }])];
    const desktop = load(rules);
    pointerLeaves(300);
    vi.advanceTimersByTime(0);
    expect(desktop.shown).toEqual([]);
    pointerLeaves(-2);
    vi.advanceTimersByTime(0);
    expect(desktop.shown).toEqual(['leaving']);

    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)' }));
    const phone = reload(desktop, rules);
    const before = phone.evaluations();
    pointerLeaves(-2);
    vi.advanceTimersByTime(0);
    expect(phone.shown).toEqual([]);
    expect(phone.evaluations()).toBe(before);
  });

  it('tells devices apart by pointer and screen size', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)' }));
    vi.stubGlobal('screen', { width: 390, height: 844 });
    const phone = load([
      rule('phone', [{ field: 'device', value: 'mobile' }]),
      rule('tablet', [{ field: 'device', value: 'tablet' }]),
    ]);
    vi.advanceTimersByTime(0);
    expect(phone.shown).toEqual(['phone']);
  });

  it('waits out the delay, and shows only if the conditions still hold', () => {
    const page = load([rule('delayed', [onPricing], { delaySeconds: 10 })]);
    vi.advanceTimersByTime(5000);
    page.engine.pageView(DOCS, 'Docs');
    vi.advanceTimersByTime(10_000);
    expect(page.shown).toEqual([]);
    expect(page.fired).toEqual([]);
    page.engine.pageView(PRICING, 'Pricing');
    vi.advanceTimersByTime(9999);
    expect(page.shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(page.shown).toEqual(['delayed']);
  });

  it('shows one message at a time, the first rule in order winning', () => {
    const page = load(
      [rule('first', [onPricing, seconds(5)]), rule('second', [onPricing]), rule('third', [onPricing])],
      PRICING,
      {
        oneAtATime: true,
      },
    );
    vi.advanceTimersByTime(0);
    // the second holds first (no wait); while it shows, the others are due but held back
    expect(page.shown).toEqual(['second']);
    vi.advanceTimersByTime(5000);
    expect(page.shown).toEqual(['second']);
    expect(page.fired).toEqual(['second', 'third', 'first']);
  });

  it('never shows while the chat holds messages back (a conversation, a dismissal), but counts the firing', () => {
    const page = load([]);
    page.blocked = true;
    page.engine.setRules([rule('pricing', [onPricing])], true);
    expect(page.fired).toEqual(['pricing']);
    expect(page.shown).toEqual([]);
    page.blocked = false;
    page.engine.evaluate();
    vi.advanceTimersByTime(0);
    // done for this page view; the next page may show it
    expect(page.shown).toEqual([]);
    page.engine.pageView(DOCS, 'Docs');
    page.engine.pageView(PRICING, 'Pricing');
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['pricing']);
  });

  it('waits for what the chat knows: identify() attributes and agents online', () => {
    const page = load([
      rule('vip', [
        { field: 'identified', value: true },
        { field: 'attribute', name: 'plan', operator: 'eq', value: 'pro' },
        { field: 'agentsOnline' },
      ]),
    ]);
    vi.advanceTimersByTime(0);
    page.live = { identified: true, attributes: { plan: 'pro' } };
    page.engine.evaluate();
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual([]);
    page.live = { ...page.live, agentsOnline: true };
    page.engine.evaluate();
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['vip']);
  });

  it('stays quiet outside business hours when a rule asks for them', () => {
    const page = load([]);
    page.engine.setRules([rule('hours', [{ field: 'businessHours' }])], false);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual([]);
    page.engine.setRules([rule('hours', [{ field: 'businessHours' }])], true);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['hours']);
  });

  it('counts page views and visits, and knows a returning visitor, across reloads and sessions', () => {
    const rules = [
      rule('third-page', [{ field: 'pageViews', operator: 'eq', value: 3 }]),
      rule('returning', [
        { field: 'visitorType', value: 'returning' },
        { field: 'visits', operator: 'gte', value: 2 },
      ]),
    ];
    let page = load(rules);
    page = reload(page, rules);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual([]);
    page.engine.pageView(DOCS, 'Docs');
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['third-page']);
    sessionStorage.clear();
    page = reload(page, rules);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['returning']);
  });

  it('caps a rule once per page view, per session or per visitor, across reloads', () => {
    const perPage = [rule('page', [onPricing], { frequency: 'pageView' })];
    let page = load(perPage);
    vi.advanceTimersByTime(0);
    page = reload(page, perPage);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['page']);

    const perSession = [rule('session', [onPricing], { frequency: 'session' })];
    page = reload(page, perSession);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['session']);
    page = reload(page, perSession);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual([]);
    sessionStorage.clear();
    page = reload(page, perSession);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['session']);

    const perVisitor = [rule('visitor', [onPricing], { frequency: 'visitor' })];
    page = reload(page, perVisitor);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['visitor']);
    sessionStorage.clear();
    page = reload(page, perVisitor);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual([]);
  });

  it('keeps a cooldown between two showings, across reloads', () => {
    const rules = [rule('cool', [onPricing], { cooldownMinutes: 10 })];
    let page = load(rules);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['cool']);
    vi.advanceTimersByTime(9 * 60_000);
    page = reload(page, rules);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual([]);
    vi.advanceTimersByTime(60_000);
    page = reload(page, rules);
    vi.advanceTimersByTime(0);
    expect(page.shown).toEqual(['cool']);
  });

  it('sets no timer and no listener for rules that are done or capped, and none after stop()', () => {
    // counted by how often the engine wakes up (timer counts include jsdom's own storage events)
    const page = load([
      rule('once', [onPricing, seconds(5), { field: 'scrollDepth', percent: 10 }], { frequency: 'visitor' }),
    ]);
    vi.advanceTimersByTime(5000);
    expect(page.shown).toEqual(['once']);
    const before = page.evaluations();
    scrollTo(1500);
    vi.advanceTimersByTime(600_000);
    expect(page.evaluations()).toBe(before);

    scrollTo(0);
    const waiting = reload(page, [rule('later', [seconds(60), { field: 'scrollDepth', percent: 90 }])]);
    const loaded = waiting.evaluations();
    scrollTo(1000);
    expect(waiting.evaluations()).toBe(loaded + 1);
    waiting.engine.stop();
    scrollTo(1900);
    vi.advanceTimersByTime(600_000);
    expect(waiting.evaluations()).toBe(loaded + 1);
    expect(waiting.shown).toEqual([]);
  });
});
