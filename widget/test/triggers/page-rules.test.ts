/**
 * Page rules as the first load carries them (page-rules.ts): the engine arrives as a chunk of its
 * own once the site's config has rules, and behaves as if it had been there from the first page;
 * a site without rules gets no engine and keeps no visit counts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicProactiveRule } from '@parley/shared';
import { createLocalStore, createSessionStore } from '../../src/client/local-store.ts';
import { PageRules } from '../../src/triggers/page-rules.ts';

const SITE = 'site-page-rules';
const PRICING = 'https://shop.test/pricing';

const after30s: PublicProactiveRule = {
  id: 'pricing-30s',
  conditions: {
    match: 'all',
    groups: [
      {
        match: 'all',
        conditions: [
          { field: 'url', part: 'path', operator: 'equals', value: '/pricing' },
          { field: 'timeOnPage', seconds: 30 },
        ],
      },
    ],
  },
  message: 'Questions about pricing?',
  senderName: 'Ada',
  senderAvatarUrl: null,
  openPanel: false,
  delaySeconds: 0,
  frequency: 'pageView',
  cooldownMinutes: 0,
};

let rules: PageRules[] = [];

function pageRules(shown: string[]): PageRules {
  const created = new PageRules(createLocalStore(SITE), createSessionStore(SITE), {
    live: () => ({ identified: false, attributes: {}, agentsOnline: false }),
    blocked: () => false,
    fired: () => {},
    show: (rule) => shown.push(rule.id),
  });
  rules.push(created);
  return created;
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  for (const created of rules) created.stop();
  rules = [];
  vi.useRealTimers();
});

describe('PageRules', () => {
  it('counts time on page from the page view, not from when the rules and their engine arrive', async () => {
    const shown: string[] = [];
    const page = pageRules(shown);
    page.pageView(PRICING, 'Pricing');
    vi.advanceTimersByTime(20_000);
    await page.setRules([after30s], true);
    vi.advanceTimersByTime(9_999);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['pricing-30s']);
  });

  it('counts page views made before the engine arrived, in order', async () => {
    const shown: string[] = [];
    const page = pageRules(shown);
    page.pageView('https://shop.test/', 'Home');
    page.pageView('https://shop.test/docs', 'Docs');
    await page.setRules(
      [
        {
          ...after30s,
          id: 'third',
          conditions: {
            match: 'all',
            groups: [{ match: 'all', conditions: [{ field: 'pageViews', operator: 'eq', value: 3 }] }],
          },
        },
      ],
      true,
    );
    vi.advanceTimersByTime(0);
    expect(shown).toEqual([]);
    page.pageView(PRICING, 'Pricing');
    vi.advanceTimersByTime(0);
    expect(shown).toEqual(['third']);
  });

  it('keeps nothing in the visitor’s storage on a site without rules', async () => {
    const page = pageRules([]);
    page.pageView(PRICING, 'Pricing');
    await page.setRules([], true);
    page.pageView('https://shop.test/docs', 'Docs');
    page.evaluate();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});
