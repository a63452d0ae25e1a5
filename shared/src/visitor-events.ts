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
} from './models.ts';
import type { ClientEventSpec, ClientEventsOf, ServerEventsOf } from './event-map.ts';

export const VISITOR_NAMESPACE = '/visitor';

/** Socket.IO `auth` of a visitor's handshake. The page origin is read from the request, not from here. */
export const VisitorHandshakeSchema = z.object({
  siteKey: z.string().min(1).max(128),
  /** The token the server issued earlier; absent or invalid means a new visitor. */
  token: z.string().max(512).optional(),
});
export type VisitorHandshake = z.infer<typeof VisitorHandshakeSchema>;

export const ConversationRefSchema = z.object({ conversationId: IdSchema });

export const SessionResumeSchema = z.object({
  /** The conversation the client holds messages of, and the highest seq it holds there. */
  conversationId: IdSchema.nullable(),
  lastSeq: SeqSchema,
});

export const SessionResumeResultSchema = z.object({
  /** Keep this and send it on the next handshake: it is the visitor's identity. */
  token: z.string(),
  visitorId: IdSchema,
  conversation: ConversationSchema.nullable(),
  /** Messages after lastSeq, or all of them when the client held another conversation. */
  messages: z.array(MessageSchema),
  queuePosition: z.number().int().positive().nullable(),
});

export const VisitorSendSchema = z.object({
  clientMessageId: ClientMessageIdSchema,
  body: MessageBodySchema,
});

export const SendResultSchema = z.object({ message: MessageSchema, conversation: ConversationSchema });

export const SeenSchema = z.object({ conversationId: IdSchema, seq: SeqSchema });

export const EmptySchema = z.object({});

export const visitorClientEvents = {
  'session:resume': { payload: SessionResumeSchema, ack: SessionResumeResultSchema },
  'message:send': { payload: VisitorSendSchema, ack: SendResultSchema },
  'message:seen': { payload: SeenSchema, ack: EmptySchema },
  'conversation:close': { payload: ConversationRefSchema, ack: ConversationSchema },
  'typing:start': { payload: ConversationRefSchema },
  'typing:stop': { payload: ConversationRefSchema },
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
});

export const visitorServerEvents = {
  'message:new': MessageSchema,
  'conversation:updated': ConversationSchema,
  'queue:position': QueuePositionSchema,
  'typing:update': TypingUpdateSchema,
  'message:seen': SeenUpdateSchema,
} as const;

export type VisitorClientEvents = typeof visitorClientEvents;
export type VisitorClientToServer = ClientEventsOf<VisitorClientEvents>;
export type VisitorServerToClient = ServerEventsOf<typeof visitorServerEvents>;
export type SessionResumeResult = z.infer<typeof SessionResumeResultSchema>;
export type SendResult = z.infer<typeof SendResultSchema>;
export type TypingUpdate = z.infer<typeof TypingUpdateSchema>;
export type SeenUpdate = z.infer<typeof SeenUpdateSchema>;
export type QueuePosition = z.infer<typeof QueuePositionSchema>;
