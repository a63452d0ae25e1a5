/**
 * @module Payloads of the public REST API v1 (issue 21) that the console's own payloads do not
 * already describe: the conversation list's filters and pages, actions on a conversation taken as
 * an agent, visitors, agents with their status, and sites as a token sees them. The routes that
 * carry them, with the scope each needs, are in api-v1-routes.ts; OpenAPI is generated from both.
 */
import { z } from 'zod';
import {
  AgentSchema,
  ClientMessageIdSchema,
  ConversationSchema,
  ConversationStatusSchema,
  IdSchema,
  MessageBodySchema,
  MessageSchema,
} from './models.ts';
import { AgentStatusSchema, NoteBodySchema } from './agent-workflow.ts';
import { SiteAdminViewSchema } from './admin.ts';
import { TicketSchema, TicketStatusSchema } from './tickets.ts';
import { VisitorDetailsSchema } from './visitor-insight.ts';
import { VisitorIdentifySchema } from './visitor-events.ts';
import { EmailSchema } from './rest.ts';
import { OfferContentSchema } from './rich-content.ts';

/** Query values arrive as text; a repeated one (?a=1&a=2) as a list, of which the first counts. */
const firstOf = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
const queryInt = (min: number, max: number) => z.preprocess(firstOf, z.coerce.number().int().min(min).max(max));
const queryText = <S extends z.ZodType>(schema: S) => z.preprocess(firstOf, schema);

export const API_V1_BASE = '/api/v1';
export const API_PAGE_MAX = 100;

/** The one error body of every endpoint, as the OpenAPI document states it. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfterMs: z.number().optional(),
  }),
});

// ── conversations ──

export const ConversationIdParamsSchema = z.object({ conversationId: IdSchema });

export const ConversationListQuerySchema = z.object({
  siteId: queryText(IdSchema.optional()),
  status: queryText(ConversationStatusSchema.optional()),
  agentId: queryText(IdSchema.optional()),
  visitorId: queryText(IdSchema.optional()),
  limit: queryInt(1, API_PAGE_MAX).default(25),
  /** The previous page's nextCursor. */
  cursor: queryText(z.string().max(200).optional()),
});
export const ConversationListResponseSchema = z.object({
  conversations: z.array(ConversationSchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export const ConversationResponseSchema = z.object({ conversation: ConversationSchema });

export const MessageListQuerySchema = z.object({
  /** Messages after this seq (0: from the start). */
  afterSeq: queryInt(0, Number.MAX_SAFE_INTEGER).default(0),
  limit: queryInt(1, 1000).default(100),
});
export const MessageListResponseSchema = z.object({
  messages: z.array(MessageSchema),
  /** Pass as `afterSeq` for the next page; null when there is none. */
  nextAfterSeq: z.number().int().nullable(),
});

/**
 * An action on a conversation is taken as an agent: the one named here, else the agent the
 * conversation is assigned to. The same rules apply as in the console (e.g. only its agent may
 * write in an active conversation).
 */
const ActingAgentSchema = z.object({ agentId: IdSchema.optional() });

export const ApiSendMessageRequestSchema = ActingAgentSchema.extend({
  body: MessageBodySchema,
  /** Chosen by the caller; a retried send with the same id is stored once (as in the console). */
  clientMessageId: ClientMessageIdSchema.optional(),
  /**
   * `bot`: the site's bot says it (its name, marked as the bot's), while the conversation is with the
   * bot (status `bot`); without `agentId`. Default `agent`.
   */
  as: z.enum(['agent', 'bot']).optional(),
  /** Quick replies, a card, a form or article links shown with the body (the body stays the plain-text fallback). */
  content: OfferContentSchema.optional(),
});
export const ApiMessageResponseSchema = z.object({ message: MessageSchema });

export const ApiAssignRequestSchema = z.object({ agentId: IdSchema });
export const ApiTransferRequestSchema = ActingAgentSchema.extend({
  toAgentId: IdSchema,
  note: NoteBodySchema.optional(),
});
export const ApiActingAgentRequestSchema = ActingAgentSchema;
export const ApiConvertToTicketRequestSchema = ActingAgentSchema.extend({
  /** Needed when the visitor has not given one. */
  email: EmailSchema.optional(),
});
export const ApiTicketResponseSchema = z.object({ ticket: TicketSchema });

// ── visitors ──

export const ApiVisitorSchema = VisitorDetailsSchema.extend({ siteId: IdSchema });
export const ApiVisitorResponseSchema = z.object({ visitor: ApiVisitorSchema });
export const ApiUpdateVisitorRequestSchema = VisitorIdentifySchema.pick({ name: true, email: true, attributes: true });
/** The caller is the host app's server: its word is proof, so a userId here verifies the visitor. */
export const ApiIdentifyVisitorRequestSchema = VisitorIdentifySchema.pick({
  userId: true,
  name: true,
  email: true,
  attributes: true,
}).required({ userId: true });

// ── tickets ──

export const ApiTicketListQuerySchema = z.object({
  status: queryText(TicketStatusSchema.optional()),
  email: queryText(z.string().trim().max(254).optional()),
  page: queryInt(0, 10_000).default(0),
});
export const ApiTicketStatusRequestSchema = z.object({ status: TicketStatusSchema });

// ── agents ──

export const ApiAgentSchema = AgentSchema.extend({ active: z.boolean(), status: AgentStatusSchema });
export const ApiAgentListResponseSchema = z.object({ agents: z.array(ApiAgentSchema) });
export const ApiAgentIdParamsSchema = z.object({ agentId: IdSchema });
export const ApiAgentStatusRequestSchema = z.object({ status: AgentStatusSchema });
export const ApiAgentStatusResponseSchema = z.object({ agentId: IdSchema, status: AgentStatusSchema });

// ── sites ──

/** A site as a token reads it: the admin view without the identity secret. */
export const ApiSiteSchema = SiteAdminViewSchema.omit({ identitySecret: true });
export const ApiSiteListResponseSchema = z.object({ sites: z.array(ApiSiteSchema) });
export const ApiSiteResponseSchema = z.object({ site: ApiSiteSchema });
