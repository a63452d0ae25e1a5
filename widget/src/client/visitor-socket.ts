/**
 * @module The Socket.IO connection to the /visitor namespace, and the narrow face of it the chat
 * client uses. A real socket.io-client Socket satisfies VisitorSocket as it is; the narrow type
 * keeps the client honest about what it relies on and lets tests drive it with a stand-in.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  PageView,
  SendResult,
  SessionResumeResult,
  Conversation,
  VisitorIdentify,
  VisitorIdentifyResult,
  VisitorClientToServer,
  VisitorHandshake,
  VisitorServerToClient,
} from '@parley/shared';

/** Ack callback once `.timeout(ms)` is applied: `err` is set on timeout or disconnect. */
export type TimedAck<T> = (err: Error | null, res: Ack<T>) => void;

export interface TimedEmitter {
  emit(event: 'session:resume', payload: { conversationId: string | null; lastSeq: number }, ack: TimedAck<SessionResumeResult>): unknown;
  emit(event: 'message:send', payload: { clientMessageId: string; body: string }, ack: TimedAck<SendResult>): unknown;
  emit(event: 'message:seen', payload: { conversationId: string; seq: number }, ack: TimedAck<Record<string, never>>): unknown;
  emit(event: 'conversation:close', payload: { conversationId: string }, ack: TimedAck<Conversation>): unknown;
  emit(event: 'visitor:identify', payload: VisitorIdentify, ack: TimedAck<VisitorIdentifyResult>): unknown;
  emit(event: 'page:view', payload: PageView, ack: TimedAck<Record<string, never>>): unknown;
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
  emit(event: 'typing:start' | 'typing:stop', payload: { conversationId: string }): unknown;
  timeout(ms: number): TimedEmitter;
}

export type SocketFactory = (handshake: () => VisitorHandshake) => VisitorSocket;

/** Opens nothing yet (autoConnect off): the client attaches its listeners first, then connects. */
export function createVisitorSocket(serverUrl: string): SocketFactory {
  return (handshake) => {
    const socket: Socket<VisitorServerToClient, VisitorClientToServer> = io(`${serverUrl}/visitor`, {
      // websocket only: no long-polling fallback to keep the server's sticky-session story simple
      transports: ['websocket'],
      autoConnect: false,
      // a function, so every reconnect presents the token the latest resume handed out
      auth: (cb) => cb(handshake()),
    });
    return socket;
  };
}
