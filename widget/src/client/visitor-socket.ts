/**
 * @module The narrow face of the Socket.IO connection to the /visitor namespace that the chat
 * client uses. The widget's own wire (socket-io-wire.ts) implements it, with socket.io-client's
 * semantics, and opens it (createVisitorSocket); the narrow type keeps the client honest about what
 * it relies on and lets tests drive it with a stand-in. Types only: the wire imports them, never
 * the other way round.
 */
import type { Ack, VisitorClientToServer, VisitorHandshake, VisitorServerToClient } from '@parley/shared';

/** Ack callback once `.timeout(ms)` is applied: `err` is set on timeout or disconnect. */
export type TimedAck<T> = (err: Error | null, res: Ack<T>) => void;

type Events = VisitorClientToServer;
/** Client events the server answers (they take an ack callback), as the shared protocol defines them. */
type RequestEvent = { [E in keyof Events]: Parameters<Events[E]> extends [unknown, unknown] ? E : never }[keyof Events];
type AckData<E extends RequestEvent> = Parameters<Events[E]>[1] extends (res: Ack<infer T>) => void ? T : never;
type EmitOf<E extends RequestEvent> = (
  event: E,
  payload: Parameters<Events[E]>[0],
  ack: TimedAck<AckData<E>>,
) => unknown;
type Overloads<U> = (U extends unknown ? (overload: U) => void : never) extends (overload: infer I) => void ? I : never;

/** One `emit` overload per request event, derived from the shared protocol so it is written once. */
export interface TimedEmitter {
  emit: Overloads<{ [E in RequestEvent]: EmitOf<E> }[RequestEvent]>;
}

export interface VisitorSocket {
  readonly connected: boolean;
  /** False after the server's middleware refused the handshake: socket.io will not retry by itself. */
  readonly active: boolean;
  connect(): unknown;
  disconnect(): unknown;
  /** Without arguments: removes every listener. */
  off(): unknown;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (err: Error) => void): unknown;
  on(event: 'message:new', listener: VisitorServerToClient['message:new']): unknown;
  on(event: 'conversation:updated', listener: VisitorServerToClient['conversation:updated']): unknown;
  on(event: 'queue:position', listener: VisitorServerToClient['queue:position']): unknown;
  on(event: 'typing:update', listener: VisitorServerToClient['typing:update']): unknown;
  on(event: 'message:seen', listener: VisitorServerToClient['message:seen']): unknown;
  on(event: 'availability:updated', listener: VisitorServerToClient['availability:updated']): unknown;
  on(event: 'proactive:invite', listener: VisitorServerToClient['proactive:invite']): unknown;
  on(event: 'queue:overdue', listener: VisitorServerToClient['queue:overdue']): unknown;
  on(event: 'message:updated', listener: VisitorServerToClient['message:updated']): unknown;
  on(event: 'message:stream', listener: VisitorServerToClient['message:stream']): unknown;
  emit(event: 'typing:start' | 'typing:stop', payload: { conversationId: string }): unknown;
  timeout(ms: number): TimedEmitter;
}

export type SocketFactory = (handshake: () => VisitorHandshake) => VisitorSocket;
