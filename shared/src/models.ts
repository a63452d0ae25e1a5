/**
 * @module Domain records as they travel on the wire: messages, conversations, agents, widget config.
 */
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from './limits.ts';
import { AttachmentSchema } from './attachment-schema.ts';
import { RichContentSchema } from './rich-content.ts';

export { MAX_MESSAGE_LENGTH };

export const IdSchema = z.string().min(1).max(64);
/** Chosen by the sender; a retried send with the same id is stored once. */
export const ClientMessageIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
export const MessageBodySchema = z
  .string()
  .max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`)
  .regex(/\S/, 'must not be empty');
export const SeqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const IsoDateSchema = z.string();

export const AuthorKindSchema = z.enum([
  'visitor',
  'agent',
  'system',
  // answer bot (issue 22, docs/answer-bot.md): the site's bot wrote it; its id is the bot's, its name the bot's name
  'bot',
]);
export type AuthorKind = z.infer<typeof AuthorKindSchema>;

// quoted reply (reply-edit, issue 19)
/** A quoted message as a reply carries it: who wrote it, how it starts, where it is. */
export const MessageQuoteSchema = z.object({
  id: IdSchema,
  seq: z.number().int().positive(),
  author: z.object({ kind: AuthorKindSchema, name: z.string().nullable() }),
  /** The start of its current text; empty once it is deleted. */
  excerpt: z.string(),
  deleted: z.boolean(),
});
export type MessageQuote = z.infer<typeof MessageQuoteSchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  /** Assigned by the server: 1, 2, 3… per conversation, the order every client shows. */
  seq: z.number().int().positive(),
  clientMessageId: z.string().nullable(),
  author: z.object({
    kind: AuthorKindSchema,
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
  body: z.string(),
  createdAt: IsoDateSchema,
  /** files-in-chat: the files this message carries, in upload order ([] for text only). */
  attachments: z.array(AttachmentSchema),
  // rich messages (rich-content.ts): quick replies, a card, a form, article links, or a visitor's answer
  // to one; null for plain text. Optional on the wire so clients built before it still parse.
  content: RichContentSchema.nullable().optional(),
  // quoted reply, edit and delete (message-edits.ts, docs/message-edits.md); optional: older records lack them
  /** The message this one answers, as it reads now (a deleted one's text is never carried). */
  replyTo: MessageQuoteSchema.nullable().optional(),
  /** When the author last changed the text; null: never edited. */
  editedAt: IsoDateSchema.nullable().optional(),
  /** When the author deleted it: the body is empty from then on, the message keeps its place. */
  deletedAt: IsoDateSchema.nullable().optional(),
  /** The conversation's change number of this message's latest edit or delete (0: unchanged); see resume. */
  changeSeq: z.number().int().min(0).optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * `offline`: left while nobody was online (offline:message), or turned into an email ticket. Never
 * queued or routed and holds no agent capacity. While its ticket is unsolved, what the visitor
 * writes continues it; after that they start a live chat as usual.
 */
export const ConversationStatusSchema = z.enum([
  'queued',
  'active',
  'closed',
  'offline',
  // answer bot (issue 22): the site's bot answers first; not queued (no agent sees it) until it hands off
  'bot',
]);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

export const ConversationSchema = z.object({
  id: IdSchema,
  siteId: IdSchema,
  visitorId: IdSchema,
  visitorName: z.string().nullable(),
  visitorEmail: z.string().nullable(),
  /** True when the visitor's identity was proven with the site's HMAC (visitor:identify with userHash). */
  visitorVerified: z.boolean(),
  status: ConversationStatusSchema,
  agent: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: IsoDateSchema,
  assignedAt: IsoDateSchema.nullable(),
  closedAt: IsoDateSchema.nullable(),
  closedBy: AuthorKindSchema.nullable(),
  /** Highest seq stored; a client holding less has messages to fetch. */
  lastSeq: z.number().int().min(0),
  visitorSeenSeq: z.number().int().min(0),
  agentSeenSeq: z.number().int().min(0),
  /** The visitor's 1–5 rating (conversation:rate), or null; a re-rating replaces it. */
  rating: z.number().int().min(1).max(5).nullable(),
  ratingComment: z.string().nullable(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * What started a conversation, as agents see it: a page rule's or an agent invite's message the
 * visitor answered (issue 6). Names are kept as they were then, so renaming or deleting the rule
 * later does not rewrite history.
 */
export const ConversationOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rule'), ruleId: IdSchema, ruleName: z.string() }),
  z.object({ kind: z.literal('invite'), inviteId: IdSchema, agentId: IdSchema, agentName: z.string() }),
]);
export type ConversationOrigin = z.infer<typeof ConversationOriginSchema>;

/** A conversation as agents list it. Only agents get summaries, so the origin stays off the visitor's wire. */
export const ConversationSummarySchema = ConversationSchema.extend({
  lastMessage: MessageSchema.nullable(),
  /** Null: the visitor wrote first. */
  origin: ConversationOriginSchema.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const AgentRoleSchema = z.enum(['agent', 'admin']);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

export const AgentSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  role: AgentRoleSchema,
  capacity: z.number().int().min(0),
});
export type Agent = z.infer<typeof AgentSchema>;

export const WidgetPositionSchema = z.enum(['right', 'left']);
/** The widget's colours: light, dark, or auto (following the visitor's `prefers-color-scheme`). */
export const WidgetThemeSchema = z.enum(['light', 'dark', 'auto']);
export type WidgetTheme = z.infer<typeof WidgetThemeSchema>;

export const PreChatFieldSchema = z.enum(['name', 'email', 'message']);
export type PreChatField = z.infer<typeof PreChatFieldSchema>;

/** Values a host page may attach to a visitor: flat scalars only, so the console can show them as a table. */
export const VisitorAttributeValueSchema = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
