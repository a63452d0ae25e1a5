/**
 * @module The seam between the console session and the /agent socket: requests that wait for the server's
 * ack, fire-and-forget typing signals, pushes, and connection status. socket-channel.ts implements it over
 * Socket.IO; tests drive the real session and UI through an in-memory implementation.
 */
import type {
  AckDataOf,
  AgentClientEvents,
  ErrorCode,
  LiveVisitors,
  PayloadOf,
  AgentVisitorClientEvents,
  AgentVisitorPush,
  VisitorDetails,
} from '@parley/shared';
import type { AgentPush } from '../state/conversations.ts';
import type { TicketChannel } from './ticket-channel.ts';

type Payload<E extends keyof AgentClientEvents> = PayloadOf<AgentClientEvents, E>;
type Answer<E extends keyof AgentClientEvents> = AckDataOf<AgentClientEvents, E>;

/** Visitor panel and live list pushes (shared/src/visitor-insight.ts), kept apart from the conversation state's. */
export type VisitorPush = AgentVisitorPush;

export type ChannelStatus =
  | { kind: 'connected' }
  /** Socket.IO reconnects by itself; the session only has to show it and resync on the next connect. */
  | { kind: 'disconnected' }
  /** The handshake was refused for lack of a valid session cookie: the agent must sign in again. */
  | { kind: 'unauthorized' };

export interface AgentChannel {
  readonly connected: boolean;
  connect(): void;
  disconnect(): void;
  sync(): Promise<Answer<'agent:sync'>>;
  history(request: Payload<'conversation:history'>): Promise<Answer<'conversation:history'>>;
  send(request: Payload<'message:send'>): Promise<Answer<'message:send'>>;
  seen(request: Payload<'message:seen'>): Promise<void>;
  close(request: Payload<'conversation:close'>): Promise<Answer<'conversation:close'>>;
  typing(event: 'typing:start' | 'typing:stop', request: Payload<'typing:start'>): void;
  setStatus(request: Payload<'agent:status'>): Promise<Answer<'agent:status'>>;
  team(): Promise<Answer<'team:list'>>;
  accept(request: Payload<'conversation:accept'>): Promise<Answer<'conversation:accept'>>;
  transfer(request: Payload<'conversation:transfer'>): Promise<Answer<'conversation:transfer'>>;
  reopen(request: Payload<'conversation:reopen'>): Promise<Answer<'conversation:reopen'>>;
  addNote(request: Payload<'note:add'>): Promise<Answer<'note:add'>>;
  // quoted reply, edit and delete (message-edit-actions.ts)
  editMessage(request: Payload<'message:edit'>): Promise<Answer<'message:edit'>>;
  deleteMessage(request: Payload<'message:delete'>): Promise<Answer<'message:delete'>>;
  messageRevisions(request: Payload<'message:revisions'>): Promise<Answer<'message:revisions'>>;
  visitorDetails(request: { conversationId: string }): Promise<VisitorDetails>;
  liveVisitors(): Promise<LiveVisitors>;
  /** Shows the agent's message in a live visitor's widget (visitor:invite). */
  inviteVisitor(request: PayloadOf<AgentVisitorClientEvents, 'visitor:invite'>): Promise<{ inviteId: string }>;
  /** Email tickets, on the same connection. */
  readonly tickets: TicketChannel;
  onStatus(listener: (status: ChannelStatus) => void): () => void;
  onVisitorPush(listener: (push: VisitorPush) => void): () => void;
  onPush(listener: (push: AgentPush) => void): () => void;
}

/**
 * Why a request failed. `code` is the server's error code when it answered `ok: false`; a request that got no
 * answer (timeout, connection lost) has code null and may be retried.
 */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | null,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }

  get answeredByServer(): boolean {
    return this.code !== null;
  }
}
