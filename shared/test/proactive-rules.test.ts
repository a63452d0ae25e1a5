import { describe, expect, it } from 'vitest';
import { ProactiveRuleInputSchema, type ProactiveRuleInput } from '../src/index.ts';
import { matchesText, urlPart } from '../src/rule-matching.ts';

const rule = (conditions: unknown): unknown => ({
  name: 'Pricing nudge',
  enabled: true,
  conditions,
  action: { message: 'Questions about plans?', sender: { kind: 'site' }, openPanel: false, delaySeconds: 0 },
  frequency: 'session',
  cooldownMinutes: 0,
});

describe('rule matching', () => {
  it('matches text by equals, contains and wildcard ignoring case, regex as written', () => {
    expect(matchesText('equals', '/Pricing', '/pricing')).toBe(true);
    expect(matchesText('contains', 'PRIC', '/pricing')).toBe(true);
    expect(matchesText('wildcard', '/docs/*', '/docs/a/b')).toBe(true);
    expect(matchesText('wildcard', '/docs/*', '/blog/docs/a')).toBe(false);
    expect(matchesText('wildcard', '*.html', '/a.b.html')).toBe(true);
    expect(matchesText('wildcard', 'a.c', 'abc')).toBe(false);
    expect(matchesText('regex', '^/p[a-z]+$', '/pricing')).toBe(true);
    expect(matchesText('regex', '^/P', '/pricing')).toBe(false);
    expect(matchesText('regex', '(', '/pricing')).toBe(false);
  });

  it('takes the path or the query of a URL without its fragment', () => {
    const href = 'https://shop.example:8443/pricing/team?plan=pro&utm_source=ad#faq';
    expect(urlPart('path', href)).toBe('/pricing/team');
    expect(urlPart('query', href)).toBe('plan=pro&utm_source=ad');
    expect(urlPart('full', href)).toBe(href);
    expect(urlPart('path', 'https://shop.example')).toBe('/');
    expect(urlPart('query', 'https://shop.example/x')).toBe('');
  });
});

describe('rule schema', () => {
  it('accepts AND/OR groups of every condition', () => {
    const input: ProactiveRuleInput = rule({
      match: 'any',
      groups: [
        {
          match: 'all',
          conditions: [
            { field: 'url', part: 'path', operator: 'wildcard', value: '/pricing*' },
            { field: 'timeOnPage', seconds: 30 },
            { field: 'attribute', name: 'plan', operator: 'eq', value: 'free' },
          ],
        },
        { match: 'any', conditions: [{ field: 'exitIntent' }, { field: 'scrollDepth', percent: 90 }] },
      ],
    }) as ProactiveRuleInput;
    expect(ProactiveRuleInputSchema.safeParse(input).success).toBe(true);
  });

  it('says which field is wrong: bad regex, empty group, unknown field', () => {
    const issues = (conditions: unknown) => {
      const result = ProactiveRuleInputSchema.safeParse(rule(conditions));
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(
      issues({
        match: 'all',
        groups: [{ match: 'all', conditions: [{ field: 'title', operator: 'regex', value: '([' }] }],
      }),
    ).toEqual([
      expect.stringMatching(/^conditions\.groups\.0\.conditions\.0\.value: is not a valid regular expression/),
    ]);
    expect(issues({ match: 'all', groups: [{ match: 'all', conditions: [] }] })).toEqual([
      'conditions.groups.0.conditions: a group needs at least one condition',
    ]);
    expect(issues({ match: 'all', groups: [] })).toEqual(['conditions.groups: a rule needs at least one group']);
    expect(
      issues({ match: 'all', groups: [{ match: 'all', conditions: [{ field: 'mood', value: 'happy' }] }] })[0],
    ).toMatch(/^conditions\.groups\.0\.conditions\.0\.field: /);
  });
});
