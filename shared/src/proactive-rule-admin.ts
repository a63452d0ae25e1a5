/**
 * @module REST payloads of the console's Rules page (/api/admin/sites/:siteId/rules). The server
 * parses a rule with `ProactiveRuleRequestSchema`: the rule schema plus a refusal of every key it
 * does not know, so a typo (`delaySecond`) is named instead of silently dropped.
 */
import { z } from 'zod';
import { IdSchema } from './models.ts';
import {
  ProactiveRuleInputSchema,
  ProactiveRuleSchema,
  RuleActionSchema,
  RuleConditionSchema,
  RuleConditionsSchema,
  RuleGroupSchema,
  RuleSenderSchema,
} from './proactive-rules.ts';

type Path = Array<string | number>;

const keysOf = (shape: object): ReadonlySet<string> => new Set(Object.keys(shape));
const RULE_KEYS = keysOf(ProactiveRuleInputSchema.shape);
const CONDITIONS_KEYS = keysOf(RuleConditionsSchema.shape);
const GROUP_KEYS = keysOf(RuleGroupSchema.shape);
const ACTION_KEYS = keysOf(RuleActionSchema.shape);
const CONDITION_KEYS = new Map<string, ReadonlySet<string>>(
  RuleConditionSchema.options.map((option) => [String(option.shape.field.value), keysOf(option.shape)]),
);
const SENDER_KEYS = new Map<string, ReadonlySet<string>>(
  RuleSenderSchema.options.map((option) => [String(option.shape.kind.value), keysOf(option.shape)]),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extraKeys(value: unknown, known: ReadonlySet<string> | undefined, path: Path, found: Path[]): void {
  // a value of the wrong type, or an unknown condition field, is the rule schema's to report
  if (!isRecord(value) || known === undefined) return;
  for (const key of Object.keys(value)) if (!known.has(key)) found.push([...path, key]);
}

function eachOf(value: unknown, visit: (item: unknown, index: number) => void): void {
  if (Array.isArray(value)) value.forEach(visit);
}

/** Paths of keys the rule schema does not know, at every level of a rule. */
function unknownRuleKeys(rule: unknown): Path[] {
  const found: Path[] = [];
  extraKeys(rule, RULE_KEYS, [], found);
  if (!isRecord(rule)) return found;
  const { conditions, action } = rule;
  extraKeys(conditions, CONDITIONS_KEYS, ['conditions'], found);
  if (isRecord(conditions)) {
    eachOf(conditions.groups, (group, g) => {
      extraKeys(group, GROUP_KEYS, ['conditions', 'groups', g], found);
      if (!isRecord(group)) return;
      eachOf(group.conditions, (condition, c) => {
        const field = isRecord(condition) ? String(condition.field) : '';
        extraKeys(condition, CONDITION_KEYS.get(field), ['conditions', 'groups', g, 'conditions', c], found);
      });
    });
  }
  extraKeys(action, ACTION_KEYS, ['action'], found);
  if (isRecord(action) && isRecord(action.sender)) {
    extraKeys(action.sender, SENDER_KEYS.get(String(action.sender.kind)), ['action', 'sender'], found);
  }
  return found;
}

/**
 * A rule as the server takes it: every issue of the rule schema, plus one per unknown key. Its input
 * is `unknown`; the console checks drafts with `ProactiveRuleInputSchema`, which types them.
 */
export const ProactiveRuleRequestSchema = z.unknown().transform((value, ctx) => {
  const parsed = ProactiveRuleInputSchema.safeParse(value);
  const unknown = unknownRuleKeys(value);
  for (const path of unknown) ctx.addIssue({ code: 'custom', path, message: 'is not a known field' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
  return parsed.success && unknown.length === 0 ? parsed.data : z.NEVER;
});

export const ProactiveRuleListResponseSchema = z.object({ rules: z.array(ProactiveRuleSchema) });
export const ProactiveRuleResponseSchema = z.object({ rule: ProactiveRuleSchema });
export const ProactiveRuleParamsSchema = z.object({ siteId: IdSchema, ruleId: IdSchema });

/** Turns a rule on or off without sending the whole rule. */
export const SetRuleEnabledRequestSchema = z.object({ enabled: z.boolean() }).strict();

/** The site's rules in their new order: every rule of the site, each once. */
export const ReorderRulesRequestSchema = z
  .object({
    ruleIds: z
      .array(IdSchema)
      .min(1)
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, 'each rule at most once'),
  })
  .strict();
