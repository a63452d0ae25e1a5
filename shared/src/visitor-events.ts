/**
 * @module The /visitor namespace: what the widget sends, what the server answers and pushes.
 */
import { z } from 'zod';
import {
  ClientMessageIdSchema,
  ConversationSchema,
  IdSchema,
  MessageBodySchema,
  MessageSchema,
  SeqSchema,
  VisitorAttributeValueSchema,
} from './models.ts';
import { ProactiveEventSchema, ProactiveInviteSchema, ProactiveOriginSchema } from './proactive-rules.ts';
import { EmailSchema } from './rest.ts';
import { AttachmentIdsSchema, SendBodySchema, requireBodyOrFiles } from './attachments.ts';
import { RichAnswerSchema } from './rich-content.ts';
import type { ClientEventSpec, ClientEventsOf, ServerEventsOf } from './event-map.ts';
import { messageChangeClientEvents } from './message-edits.ts';
import { BotHandoffSchema, BotStreamSchema } from './answer-bot.ts';

export const VISITOR_NAMESPACE = '/visitor';

/** Socket.IO `auth` of a visitor's handshake. The page origin is read from the request, not from here. */
export const VisitorHandshakeSchema = z.object({
  siteKey: z.string().min(1).max(128),
  /** The token the server issued earlier; absent or invalid means a new visitor. */
  token: z.string().max(512).optional(),
  /** The browser's IANA time zone (Europe/Berlin): agents see the visitor's local time. */
  timeZone: z.string().max(64).optional(),
});
export type VisitorHandshake = z.infer<typeof VisitorHandshakeSchema>;

export const ConversationRefSchema = z.object({ conversationId: IdSchema });

export const SessionResumeSchema = z.object({
  /** The conversation the client holds messages of, and the highest seq it holds there. */
  conversationId: IdSchema.nullable(),
  lastSeq: SeqSchema,
  /** The highest changeSeq among the messages held: edits and deletes after it come back in `changes`. */
  lastChangeSeq: SeqSchema.optional(),
});

export const SessionResumeResultSchema = z.object({
  /** Keep this and send it on the next handshake: it is the visitor's identity. */
  token: z.string(),
  visitorId: IdSchema,
  conversation: ConversationSchema.nullable(),
  /** Messages after lastSeq, or all of them when the client held another conversation. */
  messages: z.array(MessageSchema),
  /** Messages up to lastSeq edited or deleted after lastChangeSeq, as they read now (message-edits.ts). */
  changes: z.array(MessageSchema).optional(),
  queuePosition: z.number().int().positive().nullable(),
  /** Whether any agent is online now; offline means the widget offers offline:message instead. */
  agentsOnline: z.boolean(),
  /** Estimated wait while queued (see QueuePositionSchema), or null. */
  estimatedWaitSeconds: z.number().int().min(0).nullable(),
  /**
   * False outside the site's business hours: no live chat starts (message:send without an open
   * conversation answers `unavailable`), so the widget offers offline:message.
   */
  withinBusinessHours: z.boolean(),
});

/**
 * What the visitor typed into the site's pre-chat form. Stored on the visitor's profile like an
 * offline message's name and email: it never touches a verified identity (visitor:identify), so a
 * site that requires verification still takes it.
 */
export const VisitorContactSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  email: EmailSchema.optional(),
});
export type VisitorContact = z.infer<typeof VisitorContactSchema>;

const VisitorSendFields = z.object({
  clientMessageId: ClientMessageIdSchema,
  /** Empty only when the message carries files (attachmentIds). */
  body: SendBodySchema,
  /** The pre-chat form's answers, sent with the message that starts the chat (a retry carries them again). */
  contact: VisitorContactSchema.optional(),
  /**
   * Set when this message answers a proactive message (page rule or agent invite): if it starts the
   * conversation, the server puts that proactive message first (from its own record, not the
   * client's text) and records the origin on the conversation.
   */
  proactive: ProactiveOriginSchema.optional(),
  /** files-in-chat: files this visitor uploaded into the conversation, linked to this message in its write. */
  attachmentIds: AttachmentIdsSchema.optional(),
  /**
   * Set when this message answers an agent's quick replies or form: the server checks it against the
   * offer as stored and makes the body from it (the body sent is only the client's preview).
   */
  answer: RichAnswerSchema.optional(),
  /** Quoted reply: the id of the message of this conversation it answers. */
  replyToId: IdSchema.optional(),
});
/** A message is text, files or both: an empty body needs attachments. */
export const VisitorSendSchema = VisitorSendFields.superRefine(requireBodyOrFiles);

export const SendResultSchema = z.object({ message: MessageSchema, conversation: ConversationSchema });

export const SeenSchema = z.object({ conversationId: IdSchema, seq: SeqSchema });

export const EmptySchema = z.object({});

const MAX_VISITOR_ATTRIBUTES = 50;

export const VisitorIdentifySchema = z.object({
  /** The host app's own user id; trusted only with a valid userHash. */
  userId: z.string().min(1).max(128).optional(),
  name: z.string().trim().min(1).max(120).optional(),
  email: EmailSchema.optional(),
  attributes: z
    .record(z.string().min(1).max(100), VisitorAttributeValueSchema)
    .refine(
      (record) => Object.keys(record).length <= MAX_VISITOR_ATTRIBUTES,
      `at most ${MAX_VISITOR_ATTRIBUTES} attributes`,
    )
    .optional(),
  /** Hex HMAC-SHA256 of userId with the site's identity secret, computed on the host's server. */
  userHash: z
    .string()
    .max(128)
    .regex(/^[0-9a-fA-F]+$/, 'must be a hex string')
    .optional(),
});
export type VisitorIdentify = z.infer<typeof VisitorIdentifySchema>;
export const VisitorIdentifyResultSchema = z.object({
  verified: z.boolean(),
  /**
   * Present when this verified user is already a visitor in another browser: keep it as the token
   * and reconnect with it, and the visitor continues their chats and tickets from there.
   */
  token: z.string().optional(),
});

const HttpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048);

export const PageViewSchema = z.object({
  url: HttpUrlSchema,
  title: z.string().max(300),
  referrer: z.string().max(2048).optional(),
});
export type PageView = z.infer<typeof PageViewSchema>;

export const ConversationRateSchema = z.object({
  conversationId: IdSchema,
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(1000).optional(),
});

const TranscriptRequestSchema = z.object({ conversationId: IdSchema, email: EmailSchema });

/** A message left while nobody is online; it starts an `offline` conversation that is never routed. */
export const OfflineMessageSchema = z.object({
  clientMessageId: ClientMessageIdSchema,
  name: z.string().trim().min(1).max(120).optional(),
  email: EmailSchema,
  body: MessageBodySchema,
});
export type OfflineMessage = z.infer<typeof OfflineMessageSchema>;

/**
 * "Answer me by email instead": the visitor's queued conversation becomes a ticket with everything
 * said so far. `email` is needed when the visitor has not given one.
 */
const EmailInsteadSchema = z.object({ conversationId: IdSchema, email: EmailSchema.optional() });

export const visitorClientEvents = {
  'session:resume': { payload: SessionResumeSchema, ack: SessionResumeResultSchema },
  'message:send': { payload: VisitorSendSchema, ack: SendResultSchema },
  'message:seen': { payload: SeenSchema, ack: EmptySchema },
  'conversation:close': { payload: ConversationRefSchema, ack: ConversationSchema },
  'typing:start': { payload: ConversationRefSchema },
  'typing:stop': { payload: ConversationRefSchema },
  'visitor:identify': { payload: VisitorIdentifySchema, ack: VisitorIdentifyResultSchema },
  'page:view': { payload: PageViewSchema, ack: EmptySchema },
  'conversation:rate': { payload: ConversationRateSchema, ack: ConversationSchema },
  'transcript:request': { payload: TranscriptRequestSchema, ack: EmptySchema },
  'offline:message': { payload: OfflineMessageSchema, ack: SendResultSchema },
  'proactive:event': { payload: ProactiveEventSchema, ack: EmptySchema },
  'ticket:request': { payload: EmailInsteadSchema, ack: ConversationSchema },
  ...messageChangeClientEvents,
  // answer bot (issue 22): "Talk to a person" while the bot has the conversation; answers it as it is then
  'bot:handoff': { payload: BotHandoffSchema, ack: ConversationSchema },
} as const satisfies Record<string, ClientEventSpec>;

export const TypingUpdateSchema = z.object({
  conversationId: IdSchema,
  author: z.enum(['visitor', 'agent']),
  typing: z.boolean(),
});

export const SeenUpdateSchema = z.object({
  conversationId: IdSchema,
  by: z.enum(['visitor', 'agent']),
  seq: SeqSchema,
});

export const QueuePositionSchema = z.object({
  conversationId: IdSchema,
  position: z.number().int().positive(),
  /**
   * Estimated seconds until an agent takes it: position × median wait (created → assigned) of the
   * last 20 assigned conversations ÷ online agents with free capacity (at least 1). Null when there
   * is no history yet or no agent is online.
   */
  estimatedWaitSeconds: z.number().int().min(0).nullable(),
});

export const AvailabilitySchema = z.object({ agentsOnline: z.boolean() });

export const visitorServerEvents = {
  'message:new': MessageSchema,
  'conversation:updated': ConversationSchema,
  'queue:position': QueuePositionSchema,
  'typing:update': TypingUpdateSchema,
  'message:seen': SeenUpdateSchema,
  /** Sent when the first agent comes online or the last one goes offline. */
  'availability:updated': AvailabilitySchema,
  /** An agent invited this visitor from the live visitors page; shown like a page rule's message. */
  'proactive:invite': ProactiveInviteSchema,
  /**
   * The visitor has waited longer than the site's maximum and gave no email: the widget asks for
   * one (ticket:request). Repeated while it stays so, so a reconnecting widget hears it too.
   */
  'queue:overdue': ConversationRefSchema,
  /** One of the conversation's messages was edited or deleted: it replaces the copy held (by id). */
  'message:updated': MessageSchema,
  /** bot-llm: the bot's answer while a language model writes it (BotStreamSchema). */
  'message:stream': BotStreamSchema,
} as const;

export type VisitorClientEvents = typeof visitorClientEvents;
export type VisitorClientToServer = ClientEventsOf<VisitorClientEvents>;
export type VisitorServerToClient = ServerEventsOf<typeof visitorServerEvents>;
export type SessionResumeResult = z.infer<typeof SessionResumeResultSchema>;
export type SendResult = z.infer<typeof SendResultSchema>;
export type TypingUpdate = z.infer<typeof TypingUpdateSchema>;
export type SeenUpdate = z.infer<typeof SeenUpdateSchema>;
export type QueuePosition = z.infer<typeof QueuePositionSchema>;
export type VisitorIdentifyResult = z.infer<typeof VisitorIdentifyResultSchema>;
export type Availability = z.infer<typeof AvailabilitySchema>;
