/**
 * @module Whether a page rule's conditions hold, given what the widget knows at this moment: a pure
 * function of the rule and a snapshot, so every condition and combination is tested without a page.
 * Text conditions use the shared matcher, the one the console's "test against this URL" uses.
 */
import type { RuleCondition, RuleConditions } from '@parley/shared';
import { matchesText, urlPart } from '@parley/shared/rule-matching';

export type DeviceType = 'desktop' | 'tablet' | 'mobile';
type AttributeValue = string | number | boolean | null;

export interface RuleContext {
  url: string;
  title: string;
  /** The visit's first referrer and landing utm_* (visit-history.ts). */
  referrer: string;
  utm: Record<string, string>;
  pageSeconds: number;
  siteSeconds: number;
  /** The deepest the visitor has scrolled on this page, in percent. */
  scrollPercent: number;
  /** The pointer left through the top of the page during this page view (desktop only). */
  exitIntent: boolean;
  pageViews: number;
  visits: number;
  /** Whether the page called identify(), and the attributes it gave. */
  identified: boolean;
  attributes: Record<string, AttributeValue>;
  device: DeviceType;
  /** Known only over a live connection; false while unknown (see README, page rules). */
  agentsOnline: boolean;
  withinBusinessHours: boolean;
}

const compare = (operator: 'gte' | 'lte' | 'eq', actual: number, wanted: number): boolean =>
  operator === 'gte' ? actual >= wanted : operator === 'lte' ? actual <= wanted : actual === wanted;

function attributeHolds(
  operator: string,
  actual: AttributeValue | undefined,
  wanted: AttributeValue | undefined,
): boolean {
  const present = actual !== undefined && actual !== null;
  if (operator === 'exists') return present;
  if (operator === 'missing') return !present;
  if (!present || wanted === undefined) return false;
  if (operator === 'gt') return Number(actual) > Number(wanted);
  if (operator === 'lt') return Number(actual) < Number(wanted);
  if (operator === 'contains') return String(actual).toLowerCase().includes(String(wanted).toLowerCase());
  // eq / neq compare as text, so `plan eq 2` matches an attribute given as "2" or 2
  return (String(actual) === String(wanted)) === (operator === 'eq');
}

export function conditionHolds(condition: RuleCondition, context: RuleContext): boolean {
  switch (condition.field) {
    case 'url':
      return matchesText(condition.operator, condition.value, urlPart(condition.part, context.url));
    case 'title':
      return matchesText(condition.operator, condition.value, context.title);
    case 'referrer':
      return matchesText(condition.operator, condition.value, context.referrer);
    case 'utm':
      return matchesText(condition.operator, condition.value, context.utm[condition.parameter] ?? '');
    case 'timeOnPage':
      return context.pageSeconds >= condition.seconds;
    case 'timeOnSite':
      return context.siteSeconds >= condition.seconds;
    case 'scrollDepth':
      return context.scrollPercent >= condition.percent;
    case 'exitIntent':
      return context.exitIntent;
    case 'pageViews':
      return compare(condition.operator, context.pageViews, condition.value);
    case 'visits':
      return compare(condition.operator, context.visits, condition.value);
    case 'visitorType':
      return context.visits > 1 === (condition.value === 'returning');
    case 'identified':
      return context.identified === condition.value;
    case 'attribute':
      return attributeHolds(condition.operator, context.attributes[condition.name], condition.value);
    case 'device':
      return context.device === condition.value;
    case 'agentsOnline':
      return context.agentsOnline;
    case 'businessHours':
      return context.withinBusinessHours;
  }
}

/** Groups combine by the rule's `match`, conditions in a group by the group's: `all` is AND, `any` is OR. */
export function conditionsHold(conditions: RuleConditions, context: RuleContext): boolean {
  const combine = <T>(match: 'all' | 'any', items: T[], holds: (item: T) => boolean): boolean =>
    match === 'all' ? items.every(holds) : items.some(holds);
  return combine(conditions.match, conditions.groups, (group) =>
    combine(group.match, group.conditions, (condition) => conditionHolds(condition, context)),
  );
}
