/**
 * @module The rule editor's vocabulary: a new rule's starting values, a fresh condition of each kind
 * (when the admin switches a condition's field), and the words the page uses for fields and
 * operators. The draft is the shared `ProactiveRuleInput` itself; numbers typed into a box are kept
 * as numbers (NaN when empty), so the shared schema names the field that needs a value.
 */
import type { ProactiveRule, ProactiveRuleInput, RuleCondition, RuleField } from '@parley/shared';

export const FIELD_LABELS: ReadonlyArray<readonly [RuleField, string]> = [
  ['url', 'Page URL'],
  ['title', 'Page title'],
  ['referrer', 'Referrer'],
  ['utm', 'UTM parameter'],
  ['timeOnPage', 'Time on page'],
  ['timeOnSite', 'Time on site'],
  ['scrollDepth', 'Scroll depth'],
  ['exitIntent', 'Exit intent (desktop)'],
  ['pageViews', 'Page views'],
  ['visits', 'Visits'],
  ['visitorType', 'New or returning visitor'],
  ['identified', 'Identified visitor'],
  ['attribute', 'Custom attribute'],
  ['device', 'Device type'],
  ['agentsOnline', 'Only when agents are online'],
  ['businessHours', 'Only within business hours'],
];

export const fieldLabel = (field: RuleField): string => FIELD_LABELS.find(([f]) => f === field)?.[1] ?? field;

export const TEXT_OPERATORS = [
  ['contains', 'contains'],
  ['equals', 'is exactly'],
  ['wildcard', 'matches wildcard (*)'],
  ['regex', 'matches regular expression'],
] as const;
export const URL_PARTS = [
  ['path', 'path'],
  ['query', 'query string'],
  ['full', 'whole URL'],
] as const;
export const NUMBER_OPERATORS = [
  ['gte', 'at least'],
  ['lte', 'at most'],
  ['eq', 'exactly'],
] as const;
export const ATTRIBUTE_OPERATORS = [
  ['eq', 'equals'],
  ['neq', 'does not equal'],
  ['contains', 'contains'],
  ['gt', 'is greater than'],
  ['lt', 'is less than'],
  ['exists', 'is set'],
  ['missing', 'is not set'],
] as const;
export const UTM_OPTIONS = [
  ['source', 'utm_source'],
  ['medium', 'utm_medium'],
  ['campaign', 'utm_campaign'],
  ['term', 'utm_term'],
  ['content', 'utm_content'],
] as const;
export const DEVICES = [
  ['desktop', 'Desktop'],
  ['tablet', 'Tablet'],
  ['mobile', 'Mobile'],
] as const;
export const FREQUENCIES = [
  ['pageView', 'Once per page view'],
  ['session', 'Once per session'],
  ['visitor', 'Once per visitor, ever'],
] as const;

export function defaultCondition(field: RuleField): RuleCondition {
  switch (field) {
    case 'url':
      return { field, part: 'path', operator: 'contains', value: '' };
    case 'title':
    case 'referrer':
      return { field, operator: 'contains', value: '' };
    case 'utm':
      return { field, parameter: 'campaign', operator: 'equals', value: '' };
    case 'timeOnPage':
    case 'timeOnSite':
      return { field, seconds: 30 };
    case 'scrollDepth':
      return { field, percent: 75 };
    case 'pageViews':
    case 'visits':
      return { field, operator: 'gte', value: 2 };
    case 'visitorType':
      return { field, value: 'returning' };
    case 'identified':
      return { field, value: true };
    case 'attribute':
      return { field, name: '', operator: 'eq', value: '' };
    case 'device':
      return { field, value: 'desktop' };
    case 'exitIntent':
    case 'agentsOnline':
    case 'businessHours':
      return { field };
  }
}

export function newRuleDraft(): ProactiveRuleInput {
  return {
    name: '',
    enabled: true,
    conditions: { match: 'all', groups: [{ match: 'all', conditions: [defaultCondition('url')] }] },
    action: { message: '', sender: { kind: 'site' }, openPanel: false, delaySeconds: 0 },
    frequency: 'session',
    cooldownMinutes: 0,
  };
}

export function draftOf(rule: ProactiveRule): ProactiveRuleInput {
  const { name, enabled, conditions, action, frequency, cooldownMinutes } = rule;
  return { name, enabled, conditions, action, frequency, cooldownMinutes };
}

/** A number box's text as the draft keeps it: empty or not a number stays NaN for the schema to name. */
export const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
export const textOf = (value: number): string => (Number.isNaN(value) ? '' : String(value));

/** Share of shown messages that were answered, as the list shows it. */
export function conversion(stats: ProactiveRule['stats']): string {
  if (stats.shown === 0) return '–';
  return `${Math.round((stats.replied / stats.shown) * 100)}%`;
}
