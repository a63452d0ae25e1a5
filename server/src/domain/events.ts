/**
 * @module What the domain announces after a change is stored. Transports subscribe and fan out;
 * the domain never knows who listens.
 */
import type {
  AgentStatus,
  BotStream,
  Conversation,
  ConversationSummary,
  HandoffReason,
  Message,
  Note,
  ProactiveInvite,
  QueuedConversation,
  Ticket,
} from '@parley/shared';
import type { VisitorRecord } from '../store/visitor-store.ts';

export type Side = 'visitor' | 'agent';

export type DomainEvent =
  | { type: 'message.created'; conversation: Conversation; message: Message }
  /** Edited or deleted (message-edits.ts): the message as it now reads. */
  | { type: 'message.changed'; conversation: Conversation; message: Message }
  | { type: 'conversation.updated'; conversation: Conversation }
  | { type: 'conversation.assigned'; conversation: ConversationSummary }
  /** `secondsPerPlace`: the wait estimate's rate (see wait-estimate.ts), null when unknown. */
  | { type: 'queue.changed'; queue: QueuedConversation[]; secondsPerPlace: number | null }
  /** Moved from one agent to another: the old one loses it, the new one gets it. */
  | { type: 'conversation.transferred'; conversation: ConversationSummary; fromAgentId: string }
  /** A private note: for the agents' side only, never for the visitor. */
  | { type: 'note.created'; conversation: Conversation; note: Note }
  | { type: 'agent.status'; agentId: string; status: AgentStatus }
  /** The first agent came online, or the last one went offline. */
  | { type: 'availability.changed'; agentsOnline: boolean }
  | { type: 'typing'; conversation: Conversation; author: Side; typing: boolean }
  | { type: 'seen'; conversation: Conversation; by: Side; seq: number }
  /** The agent was deactivated or their password reset: every open connection of theirs must close. */
  | { type: 'agent.sessions-ended'; agentId: string }
  /** One session signed out: the sockets it opened must close (its id is the token's hash). */
  | { type: 'agent.session-ended'; sessionId: string }
  /** A visitor connected, left, or moved to another page (visitor-insight.ts). */
  | { type: 'visitor.changed'; visitorId: string }
  /** A queued visitor waited longer than their site's maximum and gave no email to answer to. */
  | { type: 'queue.overdue'; conversation: Conversation }
  | { type: 'ticket.updated'; ticket: Ticket }
  /** A message landed in a ticket; `message.created` is published for it too. */
  | { type: 'ticket.message'; ticket: Ticket; message: Message }
  /** An agent invited a live visitor: shown in every tab of theirs. */
  | { type: 'proactive.invited'; visitorId: string; invite: ProactiveInvite }
  // outbound webhooks (issue 21): named facts, published beside the events above (which stay as they
  // were), for subscribers that need to tell a close from any other conversation.updated
  | { type: 'conversation.created'; conversation: Conversation }
  | { type: 'conversation.closed'; conversation: Conversation }
  | { type: 'conversation.reopened'; conversation: Conversation }
  /** The visitor rated (or re-rated) the conversation; its rating and comment are on it. */
  | { type: 'conversation.rated'; conversation: Conversation }
  | { type: 'visitor.identified'; visitor: VisitorRecord }
  | { type: 'ticket.created'; ticket: Ticket }
  /** A message landed in a ticket: an agent's reply or the visitor's. */
  | { type: 'ticket.replied'; ticket: Ticket; message: Message }
  | { type: 'ticket.solved'; ticket: Ticket }
  /** answer bot (issue 22): the bot handed the conversation to people (an external bot is told). */
  | { type: 'bot.handed_off'; conversation: Conversation; reason: HandoffReason }
  /** bot-llm: the bot's answer so far while a language model writes it, for the visitor only. */
  | { type: 'message.streaming'; conversation: Conversation; stream: BotStream };

export interface EventSink {
  publish(event: DomainEvent): void;
}

/** Fans one event out to every subscriber; a throwing subscriber cannot stop the others. */
export class EventHub implements EventSink {
  readonly #subscribers = new Set<(event: DomainEvent) => void>();
  readonly #onError: (error: unknown, event: DomainEvent) => void;

  constructor(onError: (error: unknown, event: DomainEvent) => void) {
    this.#onError = onError;
  }

  subscribe(subscriber: (event: DomainEvent) => void): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  publish(event: DomainEvent): void {
    for (const subscriber of this.#subscribers) {
      try {
        subscriber(event);
      } catch (error) {
        this.#onError(error, event);
      }
    }
  }
}
