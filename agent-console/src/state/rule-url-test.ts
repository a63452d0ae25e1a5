/**
 * @module "Test against this URL" on the Rules page: judges a rule's conditions for one page URL
 * with the widget's own matcher (@parley/shared/rule-matching), and says which conditions a URL
 * alone cannot decide. Three-valued: a condition holds, fails, or is unknown from a URL.
 */
import type { RuleCondition, RuleConditions, RuleField } from '@parley/shared';
import { matchesText, urlPart } from '@parley/shared/rule-matching';

export type Judgement = 'yes' | 'no' | 'unknown';

export interface UrlTestResult {
  verdict: Judgement;
  /** Per group, per condition, in the rule's order. */
  groups: Judgement[][];
  /** Kinds of condition in the rule that depend on more than the URL, for the explanation. */
  undecided: RuleField[];
}

/** A URL condition, and UTM parameters read from this URL's query as if it were the landing page. */
function judge(condition: RuleCondition, href: string): Judgement {
  if (condition.field === 'url') {
    return matchesText(condition.operator, condition.value, urlPart(condition.part, href)) ? 'yes' : 'no';
  }
  if (condition.field === 'utm') {
    const query = new URLSearchParams(urlPart('query', href));
    return matchesText(condition.operator, condition.value, query.get(`utm_${condition.parameter}`) ?? '')
      ? 'yes'
      : 'no';
  }
  return 'unknown';
}

function combine(match: 'all' | 'any', judgements: Judgement[]): Judgement {
  const decisive = match === 'all' ? 'no' : 'yes';
  if (judgements.includes(decisive)) return decisive;
  if (judgements.includes('unknown')) return 'unknown';
  return match === 'all' ? 'yes' : 'no';
}

export function testRuleAgainstUrl(conditions: RuleConditions, href: string): UrlTestResult {
  const groups = conditions.groups.map((group) => group.conditions.map((condition) => judge(condition, href)));
  const verdict = combine(
    conditions.match,
    conditions.groups.map((group, i) => combine(group.match, groups[i] ?? [])),
  );
  const undecided = [
    ...new Set(
      conditions.groups.flatMap((group) =>
        group.conditions.filter((c) => judge(c, href) === 'unknown').map((c) => c.field),
      ),
    ),
  ];
  return { verdict, groups, undecided };
}
