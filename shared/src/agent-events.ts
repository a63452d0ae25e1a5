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
  MessageBodySchema,
  MessageSchema,
  SeqSchema,
} from './models.ts';
import {
  ConversationRefSchema,
  EmptySchema,
  SeenSchema,
  SeenUpdateSchema,
  TypingUpdateSchema,
} from './visitor-events.ts';
import type { ClientEventSpec, ClientEventsOf, ServerEventsOf } from './event-map.ts';
import type { agentTicketClientEvents } from './tickets.ts';

export const AGENT_NAMESPACE = '/agent';

export const AgentSyncResultSchema = z.object({
  agent: AgentSchema,
  /** The agent's open (queued to them or active) conversations. */
  conversations: z.array(ConversationSummarySchema),
  /** Conversations waiting for an agent, oldest first. */
  queue: z.array(ConversationSummarySchema),
});

export const HistoryRequestSchema = z.object({ conversationId: IdSchema, afterSeq: SeqSchema });
export const HistoryResultSchema = z.object({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
});

export const AgentSendSchema = z.object({
  conversationId: IdSchema,
  clientMessageId: ClientMessageIdSchema,
  body: MessageBodySchema,
});
export const AgentSendResultSchema = z.object({ message: MessageSchema });

export const agentClientEvents = {
  'agent:sync': { payload: EmptySchema, ack: AgentSyncResultSchema },
  'conversation:history': { payload: HistoryRequestSchema, ack: HistoryResultSchema },
  'message:send': { payload: AgentSendSchema, ack: AgentSendResultSchema },
  'message:seen': { payload: SeenSchema, ack: EmptySchema },
  'conversation:close': { payload: ConversationRefSchema, ack: ConversationSchema },
  'typing:start': { payload: ConversationRefSchema },
  'typing:stop': { payload: ConversationRefSchema },
} as const satisfies Record<string, ClientEventSpec>;

export const QueueUpdateSchema = z.object({ queue: z.array(ConversationSummarySchema) });

export const agentServerEvents = {
  /** A conversation was given to this agent. */
  'conversation:assigned': ConversationSummarySchema,
  'conversation:updated': ConversationSchema,
  'queue:updated': QueueUpdateSchema,
  'message:new': MessageSchema,
  'typing:update': TypingUpdateSchema,
  'message:seen': SeenUpdateSchema,
} as const;

/** Ticket events (tickets.ts) are bound by their own module on the server (realtime/agent-ticket-events.ts). */
export type AgentClientEvents = typeof agentClientEvents;
export type AgentClientToServer = ClientEventsOf<AgentClientEvents & typeof agentTicketClientEvents>;
export type AgentServerToClient = ServerEventsOf<typeof agentServerEvents>;
export type AgentSyncResult = z.infer<typeof AgentSyncResultSchema>;
export type HistoryResult = z.infer<typeof HistoryResultSchema>;
export type QueueUpdate = z.infer<typeof QueueUpdateSchema>;
