/**
 * @module What an agent's shift adds to the conversation records: their status, a site's routing
 * mode, private notes, and the queue as the console shows it.
 */
import { z } from 'zod';
import { ConversationSummarySchema, IdSchema, IsoDateSchema, MAX_MESSAGE_LENGTH, MessageSchema } from './models.ts';

/**
 * `online`: gets new conversations. `away`: keeps the chats held, gets no new ones. `offline`:
 * not routed at all, and does not count as someone visitors can reach.
 */
export const AgentStatusSchema = z.enum(['online', 'away', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

/** `automatic`: the server hands queued conversations out. `manual`: they wait until an agent accepts one. */
export const RoutingModeSchema = z.enum(['automatic', 'manual']);
export type RoutingMode = z.infer<typeof RoutingModeSchema>;

export const NoteBodySchema = z
  .string()
  .max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`)
  .regex(/\S/, 'must not be empty');

/** A private note on a conversation: agents only, never sent to the visitor. */
export const NoteSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  /** The conversation's lastSeq when it was written: the note shows after that message. */
  afterSeq: z.number().int().min(0),
  author: z.object({ id: IdSchema, name: z.string() }),
  /** Empty only for a transfer without a note. */
  body: z.string(),
  /** Set when the note came with a transfer: who the conversation went to. */
  transferredTo: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: IsoDateSchema,
});
export type Note = z.infer<typeof NoteSchema>;

/** A waiting conversation as the console's queue shows it. */
export const QueuedConversationSchema = ConversationSummarySchema.extend({
  /** The visitor's opening message: what they came for. */
  firstMessage: MessageSchema.nullable(),
  /** The site's routing mode: in manual mode an agent accepts it (conversation:accept). */
  routingMode: RoutingModeSchema,
});
export type QueuedConversation = z.infer<typeof QueuedConversationSchema>;

/** A colleague a conversation could be transferred to. */
export const TeammateSchema = z.object({
  id: IdSchema,
  name: z.string(),
  status: AgentStatusSchema,
  /** Connected to the console now. */
  connected: z.boolean(),
  activeCount: z.number().int().min(0),
  capacity: z.number().int().min(0),
});
export type Teammate = z.infer<typeof TeammateSchema>;
