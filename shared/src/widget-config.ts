/**
 * @module What the widget fetches before it draws anything: the site's look, forms, team, hours
 * and page rules (GET /api/widget/config/:siteKey, cacheable with an ETag).
 *
 * Every visitor's first load carries it, so the server leaves out each field that holds its default
 * (`.default()` below: light theme, no locale, no pre-chat form, within hours, no rules, no
 * identity check, a team member without a photo); parsing puts them back, and the widget reads a
 * missing one as the default.
 */
import { z } from 'zod';
import { PreChatFieldSchema, WidgetPositionSchema, WidgetThemeSchema } from './models.ts';
import { PublicProactiveRuleSchema } from './proactive-rules.ts';
import { HelpModeSchema } from './help-widget.ts';

export const WidgetConfigSchema = z.object({
  siteKey: z.string(),
  siteName: z.string(),
  color: z.string(),
  position: WidgetPositionSchema,
  /** Light, dark, or auto: following the visitor's `prefers-color-scheme`. Absent from servers before themes: light. */
  theme: WidgetThemeSchema.optional(),
  greeting: z.string(),
  /** The site's default language (BCP-47, e.g. "en", "de", "ar"); null: use the browser's. */
  locale: z.string().nullable().default(null),
  /** Questions asked before the first message. */
  preChat: z
    .object({
      enabled: z.boolean(),
      fields: z.array(z.object({ field: PreChatFieldSchema, required: z.boolean() })),
    })
    .default({ enabled: false, fields: [] }),
  /** Up to 5 active agents to show in the widget header. */
  team: z.array(z.object({ name: z.string(), avatarUrl: z.string().nullable().default(null) })).max(5),
  /** When true, visitor:identify must carry userId + a valid userHash, or it is refused. */
  identityVerificationRequired: z.boolean().default(false),
  /**
   * False outside the site's business hours (always true without them): the widget then offers the
   * offline form instead of a live chat, and rules with a businessHours condition stay quiet.
   */
  withinBusinessHours: z.boolean().default(true),
  /** The site's enabled page rules, in order: the first whose conditions hold wins. */
  proactiveRules: z.array(PublicProactiveRuleSchema).default([]),
  /**
   * files-in-chat: whether visitors may attach files: `on`, `reply` (once an agent has answered in
   * the conversation) or absent (not at all, and from servers before attachments).
   */
  uploads: z.enum(['on', 'reply']).optional(),
  /**
   * help-widget: how the widget offers the help center; absent when the site has no published article
   * and the mode is `chat` (nothing to suggest, so the widget fetches no help code at all).
   */
  help: HelpModeSchema.optional(),
});
export type WidgetConfig = z.infer<typeof WidgetConfigSchema>;
/** The config as it travels: the fields that hold their defaults may be absent. */
export type WidgetConfigWire = z.input<typeof WidgetConfigSchema>;

/** `config` without the fields that hold their default (and `theme` when light), as the server sends it. */
export function compactWidgetConfig(config: WidgetConfig): WidgetConfigWire {
  const { theme, locale, preChat, team, identityVerificationRequired, withinBusinessHours, proactiveRules, ...rest } =
    config;
  return {
    ...rest,
    ...(theme !== undefined && theme !== 'light' ? { theme } : {}),
    ...(locale !== null ? { locale } : {}),
    ...(preChat.enabled ? { preChat } : {}),
    team: team.map(({ name, avatarUrl }) => (avatarUrl === null ? { name } : { name, avatarUrl })),
    ...(identityVerificationRequired ? { identityVerificationRequired } : {}),
    ...(withinBusinessHours ? {} : { withinBusinessHours }),
    ...(proactiveRules.length > 0 ? { proactiveRules } : {}),
  };
}
