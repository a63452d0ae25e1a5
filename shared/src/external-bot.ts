/**
 * @module External bots (issue 22, docs/answer-bot.md "External bots"): a site's own bot behind a URL.
 * An admin registers its URL; Parley answers a signing secret and an API token scoped to the bot, both
 * shown once. The events of the conversations the bot holds are delivered to the URL through the
 * webhook outbox (signed, retried); the bot answers through /api/v1 as itself.
 */
import { z } from 'zod';
import { ConversationSchema, IdSchema, IsoDateSchema, MessageSchema } from './models.ts';
import { SiteIdParamsSchema } from './admin.ts';
import { HandoffReasonSchema } from './answer-bot.ts';
import { WebhookUrlSchema, WebhookVisitorSchema } from './webhooks.ts';
import type { RestRoute } from './rest-routes.ts';

// ── registration (admins) ──

/** A registered bot as admins read it: never its secret or token, only enough to tell them apart. */
export const ExternalBotSchema = z.object({
  siteId: IdSchema,
  url: z.string(),
  /** The signing secret's last four characters. */
  secretHint: z.string(),
  /** The API token's id (listed with the other API tokens) and the start of its plain text. */
  tokenId: IdSchema,
  tokenPrefix: z.string(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type ExternalBot = z.infer<typeof ExternalBotSchema>;

export const RegisterExternalBotRequestSchema = z.strictObject({ url: WebhookUrlSchema });
export type RegisterExternalBotRequest = z.infer<typeof RegisterExternalBotRequestSchema>;

/** Shown once: at registration and after each rotation. Parley keeps the secret, and only the token's hash. */
export const ExternalBotCredentialsSchema = z.object({
  /** Signs every delivery (`Parley-Signature`, as webhooks). */
  secret: z.string(),
  /** `Authorization: Bearer` for /api/v1, limited to the bot's conversations. */
  token: z.string(),
});
export type ExternalBotCredentials = z.infer<typeof ExternalBotCredentialsSchema>;

export const ExternalBotResponseSchema = z.object({ externalBot: ExternalBotSchema.nullable() });
export const ExternalBotRegisteredResponseSchema = z.object({
  externalBot: ExternalBotSchema,
  /** null when an existing registration only changed its URL (the credentials stay). */
  credentials: ExternalBotCredentialsSchema.nullable(),
});
export type ExternalBotRegisteredResponse = z.infer<typeof ExternalBotRegisteredResponseSchema>;

const externalBotPath = '/api/admin/sites/:siteId/bot/external';
export const externalBotRoutes = {
  get: { method: 'GET', path: externalBotPath, params: SiteIdParamsSchema, response: ExternalBotResponseSchema },
  /** Registers the bot (new credentials) or changes its URL (credentials kept). */
  register: {
    method: 'PUT',
    path: externalBotPath,
    params: SiteIdParamsSchema,
    request: RegisterExternalBotRequestSchema,
    response: ExternalBotRegisteredResponseSchema,
  },
  /** A new secret and a new token; the old token stops at once. */
  rotate: {
    method: 'POST',
    path: `${externalBotPath}/rotate`,
    params: SiteIdParamsSchema,
    response: ExternalBotRegisteredResponseSchema,
  },
  /** Forgets the bot and revokes its token; a site in external mode goes back to off. */
  unregister: {
    method: 'DELETE',
    path: externalBotPath,
    params: SiteIdParamsSchema,
    response: ExternalBotResponseSchema,
  },
} as const satisfies Record<string, RestRoute>;

// ── events delivered to the bot ──

export const EXTERNAL_BOT_EVENT_TYPES = [
  'bot.conversation.started',
  'bot.message.created',
  'bot.conversation.handed_off',
  'bot.conversation.closed',
] as const;
export type ExternalBotEventType = (typeof EXTERNAL_BOT_EVENT_TYPES)[number];

/** The `data` of each event a bot receives (in the webhook envelope, WebhookEventSchema). */
export const ExternalBotEventDataSchemas = {
  /** A visitor started a conversation the bot holds: who, and their first message. */
  'bot.conversation.started': z.object({
    conversation: ConversationSchema,
    visitor: WebhookVisitorSchema,
    message: MessageSchema,
  }),
  /** A later visitor message (a quick-reply choice has `content.type: "quick_reply_choice"`). */
  'bot.message.created': z.object({ conversation: ConversationSchema, message: MessageSchema }),
  /** The conversation left the bot for people: the bot must stop. */
  'bot.conversation.handed_off': z.object({ conversation: ConversationSchema, reason: HandoffReasonSchema }),
  /** It ended while with the bot: resolved by the bot (`closedBy: "bot"`), or closed by the visitor. */
  'bot.conversation.closed': z.object({ conversation: ConversationSchema }),
} as const satisfies Record<ExternalBotEventType, z.ZodType>;

export type ExternalBotEventData = {
  [K in ExternalBotEventType]: z.infer<(typeof ExternalBotEventDataSchemas)[K]>;
};

// ── what the bot calls on /api/v1 (routes in api-v1-routes.ts) ──

/** Why the bot hands off: the visitor asked for a person, or it has no answer (default). */
export const ApiHandoffRequestSchema = z.strictObject({
  reason: HandoffReasonSchema.extract(['asked_for_person', 'no_answer']).optional(),
});
export const ApiResolveRequestSchema = z.strictObject({});
