/**
 * @module What the parts of the visitor's chat session (requests, proactive messages, server pushes,
 * send outcomes) share with the ChatClient that holds them: the state the UI renders, and the
 * connection while it is online and resumed.
 */
import type { ChatState } from './chat-state.ts';
import type { VisitorSocket } from './visitor-socket.ts';

export interface ChatContext {
  /** The state now: read it afresh after every await, an answer or a push may have changed it. */
  state(): ChatState;
  /** Replaces the state and tells the UI; ignored once the client is destroyed. */
  update(next: ChatState): void;
  /** The socket while connected and resumed, else null. */
  online(): VisitorSocket | null;
  /** How long to wait for an ack before treating the request as lost. */
  readonly ackTimeoutMs: number;
}
