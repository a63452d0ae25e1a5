/** "Test against this URL": the widget's matcher on URL and UTM conditions, three-valued across AND / OR groups. */
import { describe, expect, it } from 'vitest';
import type { RuleCondition, RuleConditions } from '@parley/shared';
import { testRuleAgainstUrl } from '../../src/state/rule-url-test.ts';

const pricing: RuleCondition = { field: 'url', part: 'path', operator: 'wildcard', value: '/pricing*' };
const spring: RuleCondition = { field: 'utm', parameter: 'campaign', operator: 'equals', value: 'spring' };
const scroll: RuleCondition = { field: 'scrollDepth', percent: 50 };
const rule = (match: 'all' | 'any', ...groups: Array<['all' | 'any', RuleCondition[]]>): RuleConditions => ({
  match,
  groups: groups.map(([groupMatch, conditions]) => ({ match: groupMatch, conditions })),
});

describe('testing a rule against a URL', () => {
  it('judges path and UTM conditions and leaves the rest undecided', () => {
    const conditions = rule('all', ['all', [pricing, spring, scroll]]);
    expect(testRuleAgainstUrl(conditions, 'https://a.example/pricing?utm_campaign=spring')).toEqual({
      verdict: 'unknown',
      groups: [['yes', 'yes', 'unknown']],
      undecided: ['scrollDepth'],
    });
    expect(testRuleAgainstUrl(conditions, 'https://a.example/pricing?utm_campaign=fall').verdict).toBe('no');
  });

  it('combines groups: any group may decide, an undecided one keeps the verdict open', () => {
    const either = rule('any', ['all', [pricing]], ['all', [scroll]]);
    expect(testRuleAgainstUrl(either, 'https://a.example/pricing').verdict).toBe('yes');
    expect(testRuleAgainstUrl(either, 'https://a.example/docs').verdict).toBe('unknown');
    const orInGroup = rule('all', ['any', [pricing, spring]]);
    expect(testRuleAgainstUrl(orInGroup, 'https://a.example/docs?utm_campaign=spring').verdict).toBe('yes');
    expect(testRuleAgainstUrl(orInGroup, 'https://a.example/docs').verdict).toBe('no');
  });

  it('never throws on a regex the server would refuse', () => {
    const broken = rule('all', ['all', [{ field: 'url', part: 'full', operator: 'regex', value: '(' }]]);
    expect(testRuleAgainstUrl(broken, 'https://a.example/').verdict).toBe('no');
  });
});
