/**
 * @module The answer bot on the wire (issue 22, docs/answer-bot.md): a site's bot mode and settings,
 * why a bot handed a conversation to people, the visitor's "Talk to a person" event, and the admin
 * routes that read and change the settings.
 */
import { z } from 'zod';
import { IdSchema } from './models.ts';
import { SiteIdParamsSchema } from './admin.ts';
import type { RestRoute } from './rest-routes.ts';

/**
 * off: today's behaviour (every chat is queued); builtin: the answer bot over the help center's articles;
 * external: a bot of the site's own behind a URL (external-bot.ts), answering through the public API.
 */
export const BotModeSchema = z.enum(['off', 'builtin', 'external']);
export type BotMode = z.infer<typeof BotModeSchema>;

/** Why a conversation left the bot for the queue. */
export const HandoffReasonSchema = z.enum(['asked_for_person', 'no_answer', 'bot_failure', 'timeout']);
export type HandoffReason = z.infer<typeof HandoffReasonSchema>;

const line = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** What the bot says, in the site's own words. */
export const BotWordingSchema = z.object({
  /** Said before the excerpt of the article found. */
  answerIntro: line(200),
  /** Asked after an answer, with the two quick replies below. */
  askResolved: line(200),
  yes: line(40),
  no: line(40),
  /** Said when it hands the conversation to people. */
  handoff: line(300),
  /** Said when the visitor answered yes, before the conversation closes. */
  resolved: line(300),
});
export type BotWording = z.infer<typeof BotWordingSchema>;

export const BotSettingsSchema = z.object({
  mode: BotModeSchema,
  /** Shown beside the bot's messages (widget, console, email). */
  name: line(60),
  /**
   * How much of the question an article must cover to be offered (0–1): the share of the question's
   * words found in the best article. Below it, the bot hands off (`no_answer`).
   */
  matchThreshold: z.number().min(0).max(1),
  /** A visitor's message the bot leaves unanswered this long is handed to people (`timeout`). */
  handoffTimeoutSeconds: z.number().int().min(5).max(3600),
  wording: BotWordingSchema,
});
export type BotSettings = z.infer<typeof BotSettingsSchema>;

export const DEFAULT_BOT_SETTINGS: BotSettings = {
  mode: 'off',
  name: 'Answer bot',
  matchThreshold: 0.5,
  handoffTimeoutSeconds: 30,
  wording: {
    answerIntro: 'This article may help:',
    askResolved: 'Did that answer your question?',
    yes: 'Yes, thanks',
    no: 'No',
    handoff: 'Let me get a person to help you.',
    resolved: 'Glad I could help!',
  },
};

/** A change: any of the settings; wording merges into what is stored. */
export const BotSettingsUpdateSchema = BotSettingsSchema.omit({ wording: true })
  .partial()
  .extend({ wording: BotWordingSchema.partial().optional() });
export type BotSettingsUpdate = z.infer<typeof BotSettingsUpdateSchema>;

/** bot-llm: the language model that writes the built-in bot's answers, when the server has one (LLM_MODEL). */
export const BotModelSchema = z.object({ model: z.string().max(200) });

export const BotSettingsResponseSchema = z.object({ bot: BotSettingsSchema, llm: BotModelSchema.optional() });

/** The visitor's "Talk to a person" (`bot:handoff` on /visitor). */
export const BotHandoffSchema = z.object({ conversationId: IdSchema });

/**
 * bot-llm: the bot's answer as a language model writes it (`message:stream` on /visitor), the whole
 * text so far each time (a widget that missed one loses nothing), at most every ~100 ms. The stored
 * message (`message:new`) that follows replaces it; a handoff ends it the same way.
 */
export const BotStreamSchema = z.object({
  conversationId: IdSchema,
  /** One answer: every update of it carries the same id. */
  streamId: IdSchema,
  /** The bot's name, shown above the growing answer. */
  name: z.string().max(60),
  text: z.string().max(5000),
});
export type BotStream = z.infer<typeof BotStreamSchema>;

export const botRoutes = {
  get: {
    method: 'GET',
    path: '/api/admin/sites/:siteId/bot',
    params: SiteIdParamsSchema,
    response: BotSettingsResponseSchema,
  },
  update: {
    method: 'PATCH',
    path: '/api/admin/sites/:siteId/bot',
    params: SiteIdParamsSchema,
    request: BotSettingsUpdateSchema,
    response: BotSettingsResponseSchema,
  },
} as const satisfies Record<string, RestRoute>;
