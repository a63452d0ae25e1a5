/**
 * @module Email tickets: a conversation that continues by email. What the console sends about
 * tickets, what it is answered and pushed (the pushes are in agent-events.ts' one map), and the
 * email status the console shows.
 */
import { z } from 'zod';
import { ClientMessageIdSchema, IdSchema, IsoDateSchema, MessageBodySchema, MessageSchema } from './models.ts';
import { EmailSchema } from './rest.ts';
import { NoteBodySchema, NoteSchema } from './agent-workflow.ts';
import type { ClientEventSpec } from './event-map.ts';
import { AttachmentIdsSchema } from './attachments.ts';

/** open: waits for an agent; pending: waits for the visitor; solved: done until the visitor writes again. */
export const TicketStatusSchema = z.enum(['open', 'pending', 'solved']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/** What turned the conversation into a ticket; `visitor`: a queued visitor asked to be answered by email. */
export const TicketSourceSchema = z.enum(['offline', 'queue_timeout', 'agent', 'visitor']);
export type TicketSource = z.infer<typeof TicketSourceSchema>;

export const TicketSchema = z.object({
  /** A ticket is its conversation: same id, same messages. */
  conversationId: IdSchema,
  siteId: IdSchema,
  visitorId: IdSchema,
  status: TicketStatusSchema,
  source: TicketSourceSchema,
  /** Where replies go. */
  email: z.string(),
  assignee: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: IsoDateSchema,
  lastActivityAt: IsoDateSchema,
  solvedAt: IsoDateSchema.nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketConvertSchema = z.object({
  conversationId: IdSchema,
  /** Needed when the visitor has not given one. */
  email: EmailSchema.optional(),
});

export const TicketReplySchema = z.object({
  conversationId: IdSchema,
  clientMessageId: ClientMessageIdSchema,
  body: MessageBodySchema,
  /** Files uploaded into the conversation first: they go out with the mail (or as links, when large). */
  attachmentIds: AttachmentIdsSchema.optional(),
});

export const TicketSetStatusSchema = z.object({ conversationId: IdSchema, status: TicketStatusSchema });

export const TicketMessageSchema = z.object({ ticket: TicketSchema, message: MessageSchema });
export type TicketMessage = z.infer<typeof TicketMessageSchema>;

/** Tickets shown per page of the inbox. */
export const TICKET_PAGE_SIZE = 25;

/** The inbox: one status tab (or all), optionally narrowed to emails containing `email`; newest activity first. */
const TicketListRequestSchema = z.object({
  status: TicketStatusSchema.optional(),
  email: z.string().trim().max(254).optional(),
  page: z.number().int().min(0).max(10_000).default(0),
});

export const TicketListResultSchema = z.object({ tickets: z.array(TicketSchema), hasMore: z.boolean() });
export type TicketListResult = z.infer<typeof TicketListResultSchema>;

const TicketRefSchema = z.object({ conversationId: IdSchema });

/** One ticket with everything said in it: the messages, and the agents' private notes. */
export const TicketDetailSchema = z.object({
  ticket: TicketSchema,
  messages: z.array(MessageSchema),
  notes: z.array(NoteSchema),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

const TicketNoteSchema = z.object({
  conversationId: IdSchema,
  clientNoteId: ClientMessageIdSchema,
  body: NoteBodySchema,
});

export const agentTicketClientEvents = {
  'ticket:list': { payload: TicketListRequestSchema, ack: TicketListResultSchema },
  'ticket:get': { payload: TicketRefSchema, ack: TicketDetailSchema },
  /** A private note on the ticket, for agents only; any agent may write one. */
  'ticket:note': { payload: TicketNoteSchema, ack: NoteSchema },
  /** The asking agent takes the ticket. */
  'ticket:assign': { payload: TicketRefSchema, ack: TicketSchema },
  /** Turns any conversation the agent may see into a ticket (idempotent). */
  'ticket:convert': { payload: TicketConvertSchema, ack: TicketSchema },
  /** Answers a ticket: stored in the conversation and emailed to the visitor. */
  'ticket:reply': { payload: TicketReplySchema, ack: TicketMessageSchema },
  'ticket:status': { payload: TicketSetStatusSchema, ack: TicketSchema },
} as const satisfies Record<string, ClientEventSpec>;

/** GET /api/email/status: what the console says about email. */
export const EmailStatusSchema = z.object({
  outbound: z.object({
    /** False without SMTP_URL: mail waits in the outbox and nothing is sent. */
    configured: z.boolean(),
    pending: z.number().int().min(0),
    failed: z.number().int().min(0),
  }),
  inbound: z.object({
    webhook: z.boolean(),
    smtp: z.boolean(),
    /** Replies go to reply+<token>@ this domain. */
    domain: z.string(),
  }),
});
export type EmailStatus = z.infer<typeof EmailStatusSchema>;

/** POST /api/inbound/email: where the reply landed. */
export const InboundEmailResultSchema = z.object({
  conversationId: IdSchema,
  messageId: IdSchema,
  /** True when the same email was delivered before (a retried webhook): stored once. */
  duplicate: z.boolean(),
});
export type InboundEmailResult = z.infer<typeof InboundEmailResultSchema>;
