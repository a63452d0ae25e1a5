/**
 * @module Quoted replies, edits and deletes on the wire (issue 19): what either side sends to change
 * one of its own messages, and what an admin reads to audit the changes. Both namespaces carry the
 * same events; the server pushes `message:updated` with the message as it now reads.
 */
import { z } from 'zod';
import {
  AuthorKindSchema,
  ClientMessageIdSchema,
  IdSchema,
  IsoDateSchema,
  MessageBodySchema,
  MessageSchema,
} from './models.ts';

/** How long a visitor may edit or delete their own message, unless the operator sets MESSAGE_EDIT_WINDOW_SECONDS. */
export const DEFAULT_EDIT_WINDOW_SECONDS = 300;

const MessageRefSchema = z.object({ conversationId: IdSchema, messageId: IdSchema });

export const MessageEditSchema = MessageRefSchema.extend({
  /** Chosen by the client like a clientMessageId: a retried edit is applied once, even after a later one. */
  clientChangeId: ClientMessageIdSchema,
  body: MessageBodySchema,
});
export type MessageEdit = z.infer<typeof MessageEditSchema>;

export const MessageDeleteSchema = MessageRefSchema;
export const MessageChangeResultSchema = z.object({ message: MessageSchema });

/** One change of a message, kept for audit: the text it replaced, who changed it and when. */
export const MessageRevisionSchema = z.object({
  action: z.enum(['edit', 'delete']),
  /** The text before this change. */
  previousBody: z.string(),
  actor: z.object({ kind: AuthorKindSchema, id: z.string().nullable(), name: z.string().nullable() }),
  at: IsoDateSchema,
});
export type MessageRevision = z.infer<typeof MessageRevisionSchema>;
export const MessageRevisionsResultSchema = z.object({ revisions: z.array(MessageRevisionSchema) });

/** The events both namespaces add to their tables (visitor-events.ts, agent-events.ts). */
export const messageChangeClientEvents = {
  'message:edit': { payload: MessageEditSchema, ack: MessageChangeResultSchema },
  'message:delete': { payload: MessageDeleteSchema, ack: MessageChangeResultSchema },
} as const;

/** Admins only: every change of a message, oldest first. */
export const messageRevisionsClientEvents = {
  'message:revisions': { payload: MessageRefSchema, ack: MessageRevisionsResultSchema },
} as const;

export type MessageChangeResult = z.infer<typeof MessageChangeResultSchema>;
export type MessageRevisionsResult = z.infer<typeof MessageRevisionsResultSchema>;
