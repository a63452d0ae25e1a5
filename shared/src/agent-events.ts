/**
 * @module The /agent namespace: what the console sends, what the server answers and pushes.
 * The handshake carries no payload: the session cookie set by POST /api/auth/login identifies the agent.
 */
import { z } from 'zod';
import {
  AgentSchema,
  ClientMessageIdSchema,
  ConversationSchema,
  ConversationSummarySchema,
  IdSchema,
  MessageSchema,
  SeqSchema,
} from './models.ts';
import { AttachmentIdsSchema, SendBodySchema, requireBodyOrFiles } from './attachments.ts';
import {
  ConversationRefSchema,
  EmptySchema,
  SeenSchema,
  SeenUpdateSchema,
  TypingUpdateSchema,
} from './visitor-events.ts';
import {
  AgentStatusSchema,
  NoteBodySchema,
  NoteSchema,
  QueuedConversationSchema,
  TeammateSchema,
} from './agent-workflow.ts';
import { OfferContentSchema } from './rich-content.ts';
import type { ClientEventSpec, ClientEventsOf, ServerEventsOf, ServerPushOf } from './event-map.ts';
import { messageChangeClientEvents, messageRevisionsClientEvents } from './message-edits.ts';
import { TicketMessageSchema, TicketSchema, type agentTicketClientEvents } from './tickets.ts';
import { LiveVisitorsSchema, VisitorDetailsSchema, type AgentVisitorClientEvents } from './visitor-insight.ts';

export const AGENT_NAMESPACE = '/agent';

export const AgentSyncResultSchema = z.object({
  agent: AgentSchema,
  /** The status the agent chose (kept across reloads and sign-ins). */
  status: AgentStatusSchema,
  /** The agent's open (queued to them or active) conversations. */
  conversations: z.array(ConversationSummarySchema),
  /** Conversations waiting for an agent, oldest first. */
  queue: z.array(QueuedConversationSchema),
  /** The agent's conversations closed in the last RECENTLY_CLOSED_DAYS days, latest first, at most RECENTLY_CLOSED_LIMIT. */
  closed: z.array(ConversationSummarySchema),
});

/** How far back, and how many, closed conversations the console lists after a reload. */
export const RECENTLY_CLOSED_DAYS = 7;
export const RECENTLY_CLOSED_LIMIT = 50;

const HistoryRequestSchema = z.object({
  conversationId: IdSchema,
  afterSeq: SeqSchema,
  /** As on the visitor's session:resume: edits and deletes after it, of messages up to afterSeq, come in `changes`. */
  afterChangeSeq: SeqSchema.optional(),
});
export const HistoryResultSchema = z.object({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
  /** Every private note of the conversation (they are few; the console merges them by id). */
  notes: z.array(NoteSchema),
  changes: z.array(MessageSchema).optional(),
});

const AgentSendFields = z.object({
  conversationId: IdSchema,
  clientMessageId: ClientMessageIdSchema,
  /** Empty only when the message carries files (attachmentIds). */
  body: SendBodySchema,
  /** files-in-chat: files this agent uploaded into the conversation, linked to this message in its write. */
  attachmentIds: AttachmentIdsSchema.optional(),
  /** Quick replies, a card, a form or article links shown with the body (which stays the plain-text fallback). */
  content: OfferContentSchema.optional(),
  /** Quoted reply: the id of the message of this conversation it answers. */
  replyToId: IdSchema.optional(),
});
/** A message is text, files or both: an empty body needs attachments. */
export const AgentSendSchema = AgentSendFields.superRefine(requireBodyOrFiles);
export const AgentSendResultSchema = z.object({ message: MessageSchema });

export const AgentStatusUpdateSchema = z.object({ status: AgentStatusSchema });
export const TeamListResultSchema = z.object({ agents: z.array(TeammateSchema) });

const NoteAddSchema = z.object({
  conversationId: IdSchema,
  /** Chosen by the console like a message's clientMessageId: a retry is stored once. */
  clientNoteId: ClientMessageIdSchema,
  body: NoteBodySchema,
});
export const NoteAddResultSchema = z.object({ note: NoteSchema });

const TransferSchema = z.object({
  conversationId: IdSchema,
  toAgentId: IdSchema,
  /** For the colleague taking over; stored as a private note. */
  note: NoteBodySchema.optional(),
});

export const agentClientEvents = {
  'agent:sync': { payload: EmptySchema, ack: AgentSyncResultSchema },
  'conversation:history': { payload: HistoryRequestSchema, ack: HistoryResultSchema },
  'message:send': { payload: AgentSendSchema, ack: AgentSendResultSchema },
  'message:seen': { payload: SeenSchema, ack: EmptySchema },
  'conversation:close': { payload: ConversationRefSchema, ack: ConversationSchema },
  'typing:start': { payload: ConversationRefSchema },
  'typing:stop': { payload: ConversationRefSchema },
  'agent:status': { payload: AgentStatusUpdateSchema, ack: AgentStatusUpdateSchema },
  'team:list': { payload: EmptySchema, ack: TeamListResultSchema },
  /** Takes a queued conversation (manual routing). Exactly one of several agents racing gets it. */
  'conversation:accept': { payload: ConversationRefSchema, ack: ConversationSummarySchema },
  'conversation:transfer': { payload: TransferSchema, ack: ConversationSchema },
  /** A closed conversation of this agent's back to active, with the same agent. */
  'conversation:reopen': { payload: ConversationRefSchema, ack: ConversationSchema },
  'note:add': { payload: NoteAddSchema, ack: NoteAddResultSchema },
  ...messageChangeClientEvents,
  ...messageRevisionsClientEvents,
} as const satisfies Record<string, ClientEventSpec>;

export const QueueUpdateSchema = z.object({ queue: z.array(QueuedConversationSchema) });

/**
 * Every push on /agent, in one map: the namespace, the fan-outs and the console's socket are typed
 * with it whole. Consumers that handle a part take one of the push unions below.
 */
export const agentServerEvents = {
  // conversations, the queue and the agent's own status: the console's conversation state
  /** A conversation was given to this agent. */
  'conversation:assigned': ConversationSummarySchema,
  'conversation:updated': ConversationSchema,
  'queue:updated': QueueUpdateSchema,
  'message:new': MessageSchema,
  /** A message was edited or deleted (message-edits.ts); a deleted one's text is never sent. */
  'message:updated': MessageSchema,
  'typing:update': TypingUpdateSchema,
  'message:seen': SeenUpdateSchema,
  /** A private note on one of this agent's conversations (from another tab, or a transfer's note). */
  'note:new': NoteSchema,
  /** The agent's status changed (in another tab too). */
  'agent:status': AgentStatusUpdateSchema,
  // email tickets (tickets.ts)
  /** A ticket was created or changed; every agent hears it. */
  'ticket:updated': TicketSchema,
  /** A message landed in a ticket (an emailed reply, for one); its assignee hears it, or every agent when it has none. */
  'ticket:message': TicketMessageSchema,
  // visitors (visitor-insight.ts)
  /** To the agent holding the visitor's open conversation, whenever the visitor moves, comes or goes. */
  'visitor:updated': VisitorDetailsSchema,
  /** To every agent, with the whole list (it is small: one entry per connected visitor). */
  'visitors:live': LiveVisitorsSchema,
} as const;

type AgentServerEvents = typeof agentServerEvents;

/** Ticket events (tickets.ts) and visitor events (visitor-insight.ts) are bound by their own modules on the server (realtime/agent-ticket-events.ts, realtime/agent-visitor-events.ts). */
export type AgentClientEvents = typeof agentClientEvents;
export type AgentClientToServer = ClientEventsOf<
  AgentClientEvents & typeof agentTicketClientEvents & AgentVisitorClientEvents
>;
export type AgentServerToClient = ServerEventsOf<AgentServerEvents>;

/** Ticket pushes, for the console's ticket inbox. */
export type AgentTicketPush = ServerPushOf<AgentServerEvents, 'ticket:updated' | 'ticket:message'>;
/** Visitor pushes, for the visitor panel and the live visitors list. */
export type AgentVisitorPush = ServerPushOf<AgentServerEvents, 'visitor:updated' | 'visitors:live'>;
/** Every other push: what the console's conversation state applies. */
export type AgentConversationPush = ServerPushOf<
  AgentServerEvents,
  Exclude<keyof AgentServerEvents, AgentTicketPush['event'] | AgentVisitorPush['event']>
>;

export type AgentSyncResult = z.infer<typeof AgentSyncResultSchema>;
export type HistoryResult = z.infer<typeof HistoryResultSchema>;
export type QueueUpdate = z.infer<typeof QueueUpdateSchema>;
export type TeamListResult = z.infer<typeof TeamListResultSchema>;
