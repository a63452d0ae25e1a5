/**
 * @module Proactive rules: when the widget reaches out by itself (page rules, issue 6), and the
 * manual invite an agent sends a live visitor. The admin edits `ProactiveRuleInput`; the widget gets
 * the enabled rules, in order, as `PublicProactiveRule` inside its config and evaluates them itself.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, VisitorAttributeValueSchema } from './models.ts';

// ── Conditions ───────────────────────────────────────────────────────────────

const TextOperatorSchema = z.enum(['equals', 'contains', 'wildcard', 'regex']);
const UrlPartSchema = z.enum(['full', 'path', 'query']);
const UTM_PARAMETERS = ['source', 'medium', 'campaign', 'term', 'content'] as const;
const NumberOperatorSchema = z.enum(['gte', 'lte', 'eq']);
const AttributeOperatorSchema = z.enum(['eq', 'neq', 'contains', 'gt', 'lt', 'exists', 'missing']);
const DeviceTypeSchema = z.enum(['desktop', 'tablet', 'mobile']);

const PatternSchema = z.string().min(1, 'must not be empty').max(500);

/** The text a condition matches against; a regex that does not compile is refused with its own error. */
const textMatch = {
  operator: TextOperatorSchema,
  value: PatternSchema,
};
function refineRegex<S extends z.ZodObject<{ operator: typeof TextOperatorSchema; value: typeof PatternSchema }>>(
  schema: S,
): S {
  return schema.superRefine((condition, ctx) => {
    if (condition.operator !== 'regex') return;
    try {
      new RegExp(condition.value);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `is not a valid regular expression (${error instanceof Error ? error.message : 'syntax error'})`,
      });
    }
  });
}

const Seconds = z.number().int().min(0).max(86_400);

export const RuleConditionSchema = z.discriminatedUnion('field', [
  /** The page URL, or its path or query string. */
  refineRegex(z.object({ field: z.literal('url'), part: UrlPartSchema, ...textMatch })),
  refineRegex(z.object({ field: z.literal('title'), ...textMatch })),
  /** document.referrer of the first page of the session. */
  refineRegex(z.object({ field: z.literal('referrer'), ...textMatch })),
  /** utm_* from the landing page's query string, kept for the session. */
  refineRegex(z.object({ field: z.literal('utm'), parameter: z.enum(UTM_PARAMETERS), ...textMatch })),
  z.object({ field: z.literal('timeOnPage'), seconds: Seconds }),
  z.object({ field: z.literal('timeOnSite'), seconds: Seconds }),
  /** Percent of the page scrolled (bottom of the viewport against the document height). */
  z.object({ field: z.literal('scrollDepth'), percent: z.number().int().min(1).max(100) }),
  /** Desktop only: the pointer leaves the page through its top edge, toward the tabs and the address bar. */
  z.object({ field: z.literal('exitIntent') }),
  z.object({
    field: z.literal('pageViews'),
    operator: NumberOperatorSchema,
    value: z.number().int().min(0).max(100_000),
  }),
  z.object({ field: z.literal('visits'), operator: NumberOperatorSchema, value: z.number().int().min(0).max(100_000) }),
  z.object({ field: z.literal('visitorType'), value: z.enum(['new', 'returning']) }),
  z.object({ field: z.literal('identified'), value: z.boolean() }),
  /** An attribute set with Parley('identify', { attributes }). */
  z.object({
    field: z.literal('attribute'),
    name: z.string().min(1).max(100),
    operator: AttributeOperatorSchema,
    value: VisitorAttributeValueSchema.optional(),
  }),
  z.object({ field: z.literal('device'), value: DeviceTypeSchema }),
  z.object({ field: z.literal('agentsOnline') }),
  z.object({ field: z.literal('businessHours') }),
]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export type RuleField = RuleCondition['field'];

const MatchModeSchema = z.enum(['all', 'any']);

/** Conditions in a group combine by the group's `match`; groups combine by the rule's `match`. */
export const RuleGroupSchema = z.object({
  match: MatchModeSchema,
  conditions: z.array(RuleConditionSchema).min(1, 'a group needs at least one condition').max(20),
});
export const RuleConditionsSchema = z.object({
  match: MatchModeSchema,
  groups: z.array(RuleGroupSchema).min(1, 'a rule needs at least one group').max(10),
});
export type RuleConditions = z.infer<typeof RuleConditionsSchema>;

// ── Action and caps ──────────────────────────────────────────────────────────

/** Who the message appears to come from: a named agent (their name and avatar) or the site itself. */
export const RuleSenderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('site') }),
  z.object({ kind: z.literal('agent'), agentId: IdSchema }),
]);

export const RuleActionSchema = z.object({
  message: z.string().trim().min(1, 'must not be empty').max(1000),
  sender: RuleSenderSchema,
  openPanel: z.boolean(),
  /** Wait this long after the conditions hold (and still hold) before showing. */
  delaySeconds: Seconds,
});

/** How often one visitor may see the rule: once per page view, per session (tab session), or ever. */
export const RuleFrequencySchema = z.enum(['pageView', 'session', 'visitor']);

export const ProactiveRuleInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  enabled: z.boolean(),
  conditions: RuleConditionsSchema,
  action: RuleActionSchema,
  frequency: RuleFrequencySchema,
  /** Minimum minutes between two showings of this rule to one visitor, on top of `frequency`. */
  cooldownMinutes: z.number().int().min(0).max(525_600),
});
export type ProactiveRuleInput = z.input<typeof ProactiveRuleInputSchema>;
export type ProactiveRuleValues = z.output<typeof ProactiveRuleInputSchema>;

export const ProactiveRuleStatsSchema = z.object({
  fired: z.number().int().min(0),
  shown: z.number().int().min(0),
  opened: z.number().int().min(0),
  replied: z.number().int().min(0),
});
export type ProactiveRuleStats = z.infer<typeof ProactiveRuleStatsSchema>;

/** A rule as the console sees it. `position` orders the site's rules: lower wins. */
export const ProactiveRuleSchema = ProactiveRuleInputSchema.extend({
  id: IdSchema,
  siteId: IdSchema,
  position: z.number().int().min(0),
  stats: ProactiveRuleStatsSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type ProactiveRule = z.infer<typeof ProactiveRuleSchema>;

/**
 * A rule as the widget gets it: only what evaluation and display need, the sender already resolved
 * to a name and avatar so the widget never asks who an agent is.
 */
export const PublicProactiveRuleSchema = z.object({
  id: IdSchema,
  conditions: RuleConditionsSchema,
  message: z.string(),
  senderName: z.string(),
  senderAvatarUrl: z.string().nullable(),
  openPanel: z.boolean(),
  delaySeconds: z.number().int().min(0),
  frequency: RuleFrequencySchema,
  cooldownMinutes: z.number().int().min(0),
});
export type PublicProactiveRule = z.infer<typeof PublicProactiveRuleSchema>;

// ── Proactive messages on the wire ───────────────────────────────────────────

/** What put a proactive message in front of the visitor: a page rule or an agent's invite. */
export const ProactiveOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rule'), ruleId: IdSchema }),
  z.object({ kind: z.literal('invite'), inviteId: IdSchema }),
]);
export type ProactiveOrigin = z.infer<typeof ProactiveOriginSchema>;

/**
 * visitor → server `proactive:event`: the widget showed a proactive message, the visitor opened the
 * panel from it, or closed it (a closed one stops every rule for the rest of the session).
 * `fired` is counted when the conditions held and the message was due, even if a cap then held it back.
 * Replies are recorded by the server itself, from `message:send` with `proactive`.
 */
export const ProactiveEventSchema = z.object({
  origin: ProactiveOriginSchema,
  event: z.enum(['fired', 'shown', 'opened', 'dismissed']),
});
export type ProactiveEvent = z.infer<typeof ProactiveEventSchema>;

/** server → visitor `proactive:invite`: an agent invited this live visitor into a chat. */
export const ProactiveInviteSchema = z.object({
  inviteId: IdSchema,
  message: z.string(),
  senderName: z.string(),
  senderAvatarUrl: z.string().nullable(),
});
export type ProactiveInvite = z.infer<typeof ProactiveInviteSchema>;

/** agent → server `visitor:invite`: invite a live visitor (from the live visitors page). */
export const VisitorInviteRequestSchema = z.object({
  visitorId: IdSchema,
  message: z.string().trim().min(1, 'must not be empty').max(1000),
});
export const VisitorInviteResultSchema = z.object({ inviteId: IdSchema });
