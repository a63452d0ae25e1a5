/**
 * Every condition of a page rule against a snapshot of what the widget knows, and how groups
 * combine them: `all` is AND, `any` is OR, at both levels.
 */
import { describe, expect, it } from 'vitest';
import type { RuleCondition, RuleConditions } from '@parley/shared';
import { conditionHolds, conditionsHold, type RuleContext } from '../../src/triggers/rule-conditions.ts';

const context = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  url: 'https://shop.test/pricing/teams?plan=pro&utm_source=mail#faq',
  title: 'Pricing — Shop',
  referrer: 'https://www.google.com/',
  utm: { source: 'newsletter', campaign: 'spring-sale' },
  pageSeconds: 0,
  siteSeconds: 0,
  scrollPercent: 0,
  exitIntent: false,
  pageViews: 1,
  visits: 1,
  identified: false,
  attributes: {},
  device: 'desktop',
  agentsOnline: false,
  withinBusinessHours: true,
  ...overrides,
});

const holds = (condition: RuleCondition, overrides: Partial<RuleContext> = {}): boolean =>
  conditionHolds(condition, context(overrides));

describe('a rule condition', () => {
  it('matches the URL, its path or its query, with every operator', () => {
    expect(holds({ field: 'url', part: 'path', operator: 'equals', value: '/PRICING/teams' })).toBe(true);
    expect(holds({ field: 'url', part: 'path', operator: 'equals', value: '/pricing' })).toBe(false);
    expect(holds({ field: 'url', part: 'path', operator: 'wildcard', value: '/pricing/*' })).toBe(true);
    expect(holds({ field: 'url', part: 'path', operator: 'wildcard', value: '/docs/*' })).toBe(false);
    expect(holds({ field: 'url', part: 'query', operator: 'contains', value: 'plan=pro' })).toBe(true);
    expect(holds({ field: 'url', part: 'query', operator: 'contains', value: 'faq' })).toBe(false);
    expect(holds({ field: 'url', part: 'full', operator: 'regex', value: '^https://shop\\.test/pricing' })).toBe(true);
    expect(holds({ field: 'url', part: 'full', operator: 'regex', value: '[unclosed' })).toBe(false);
  });

  it('matches the title, the visit’s referrer and its landing utm parameters', () => {
    expect(holds({ field: 'title', operator: 'contains', value: 'pricing' })).toBe(true);
    expect(holds({ field: 'referrer', operator: 'contains', value: 'google.' })).toBe(true);
    expect(holds({ field: 'referrer', operator: 'contains', value: 'bing.' })).toBe(false);
    expect(holds({ field: 'utm', parameter: 'campaign', operator: 'wildcard', value: 'spring-*' })).toBe(true);
    expect(holds({ field: 'utm', parameter: 'medium', operator: 'equals', value: 'email' })).toBe(false);
  });

  it('holds time on page and on site, and scroll depth, from the threshold on', () => {
    expect(holds({ field: 'timeOnPage', seconds: 30 }, { pageSeconds: 29.9 })).toBe(false);
    expect(holds({ field: 'timeOnPage', seconds: 30 }, { pageSeconds: 30 })).toBe(true);
    expect(holds({ field: 'timeOnSite', seconds: 120 }, { siteSeconds: 119 })).toBe(false);
    expect(holds({ field: 'timeOnSite', seconds: 120 }, { siteSeconds: 121 })).toBe(true);
    expect(holds({ field: 'scrollDepth', percent: 75 }, { scrollPercent: 74 })).toBe(false);
    expect(holds({ field: 'scrollDepth', percent: 75 }, { scrollPercent: 75 })).toBe(true);
    expect(holds({ field: 'exitIntent' })).toBe(false);
    expect(holds({ field: 'exitIntent' }, { exitIntent: true })).toBe(true);
  });

  it('compares page views and visits, and tells new from returning visitors', () => {
    expect(holds({ field: 'pageViews', operator: 'gte', value: 3 }, { pageViews: 3 })).toBe(true);
    expect(holds({ field: 'pageViews', operator: 'lte', value: 2 }, { pageViews: 3 })).toBe(false);
    expect(holds({ field: 'visits', operator: 'eq', value: 2 }, { visits: 2 })).toBe(true);
    expect(holds({ field: 'visitorType', value: 'new' }, { visits: 1 })).toBe(true);
    expect(holds({ field: 'visitorType', value: 'returning' }, { visits: 1 })).toBe(false);
    expect(holds({ field: 'visitorType', value: 'returning' }, { visits: 4 })).toBe(true);
  });

  it('reads identify(): identified or not, and attribute comparisons', () => {
    const attributes = { plan: 'Pro', seats: 12, trial: false, coupon: null };
    expect(holds({ field: 'identified', value: true }, { identified: true })).toBe(true);
    expect(holds({ field: 'identified', value: false }, { identified: true })).toBe(false);
    const attribute = (
      operator: 'eq' | 'neq' | 'contains' | 'gt' | 'lt' | 'exists' | 'missing',
      name: string,
      value?: string | number | boolean,
    ) => holds({ field: 'attribute', name, operator, ...(value === undefined ? {} : { value }) }, { attributes });
    expect(attribute('eq', 'plan', 'Pro')).toBe(true);
    expect(attribute('eq', 'seats', '12')).toBe(true);
    expect(attribute('neq', 'plan', 'Pro')).toBe(false);
    expect(attribute('neq', 'trial', true)).toBe(true);
    expect(attribute('contains', 'plan', 'pr')).toBe(true);
    expect(attribute('gt', 'seats', 10)).toBe(true);
    expect(attribute('lt', 'seats', 10)).toBe(false);
    expect(attribute('exists', 'plan')).toBe(true);
    expect(attribute('exists', 'coupon')).toBe(false);
    expect(attribute('missing', 'coupon')).toBe(true);
    expect(attribute('missing', 'company')).toBe(true);
    expect(attribute('eq', 'company', 'Acme')).toBe(false);
  });

  it('checks the device, agents online and business hours', () => {
    expect(holds({ field: 'device', value: 'mobile' }, { device: 'mobile' })).toBe(true);
    expect(holds({ field: 'device', value: 'desktop' }, { device: 'tablet' })).toBe(false);
    expect(holds({ field: 'agentsOnline' })).toBe(false);
    expect(holds({ field: 'agentsOnline' }, { agentsOnline: true })).toBe(true);
    expect(holds({ field: 'businessHours' })).toBe(true);
    expect(holds({ field: 'businessHours' }, { withinBusinessHours: false })).toBe(false);
  });
});

describe('conditions combined', () => {
  const onPricing: RuleCondition = { field: 'url', part: 'path', operator: 'wildcard', value: '/pricing*' };
  const after30s: RuleCondition = { field: 'timeOnPage', seconds: 30 };
  const fromMail: RuleCondition = { field: 'utm', parameter: 'source', operator: 'equals', value: 'newsletter' };
  const returning: RuleCondition = { field: 'visitorType', value: 'returning' };

  it('AND within a group, OR across groups: (pricing AND 30 s) OR (newsletter AND returning)', () => {
    const rule: RuleConditions = {
      match: 'any',
      groups: [
        { match: 'all', conditions: [onPricing, after30s] },
        { match: 'all', conditions: [fromMail, returning] },
      ],
    };
    expect(conditionsHold(rule, context({ pageSeconds: 10 }))).toBe(false);
    expect(conditionsHold(rule, context({ pageSeconds: 30 }))).toBe(true);
    expect(conditionsHold(rule, context({ pageSeconds: 10, visits: 2 }))).toBe(true);
    expect(conditionsHold(rule, context({ url: 'https://shop.test/docs', pageSeconds: 60 }))).toBe(false);
  });

  it('OR within a group, AND across groups: (pricing OR newsletter) AND (30 s OR returning)', () => {
    const rule: RuleConditions = {
      match: 'all',
      groups: [
        { match: 'any', conditions: [onPricing, fromMail] },
        { match: 'any', conditions: [after30s, returning] },
      ],
    };
    expect(conditionsHold(rule, context())).toBe(false);
    expect(conditionsHold(rule, context({ visits: 3 }))).toBe(true);
    expect(conditionsHold(rule, context({ url: 'https://shop.test/docs', utm: {}, visits: 3 }))).toBe(false);
    expect(conditionsHold(rule, context({ url: 'https://shop.test/docs', pageSeconds: 31 }))).toBe(true);
  });
});
