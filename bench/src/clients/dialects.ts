/**
 * @module The two wire dialects a load generator speaks: how a visitor or agent connects, sends one
 * message, and hears one. `bare` is the relay baseline's; `parley` is what the widget and the console
 * send (session:resume, message:send with a clientMessageId, message:new, conversation:assigned).
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type Ack,
  type Conversation,
  type Message,
  type SendResult,
} from '@parley/shared';
import type { AgentSpec, Dialect, VisitorSpec } from './protocol.ts';

export interface AckAnswer {
  ok: boolean;
  data?: unknown;
}

export interface Visitor {
  socket: Socket;
  /** Sends one message; `done` runs with the ack. */
  send(body: string, done: (answer: AckAnswer) => void): void;
}

export interface AgentListeners {
  /** A visitor's message reached this agent. */
  message(body: string): void;
  /** parley: a conversation was assigned to this agent. */
  assigned(conversationId: string): void;
}

export interface Agent {
  socket: Socket;
  /** parley: closes a conversation; resolves with the ack. */
  close(conversationId: string): Promise<AckAnswer>;
}

const options = (extraHeaders: Record<string, string>, auth?: Record<string, string>) => ({
  transports: ['websocket'],
  // thousands of handshakes on a busy 2-core machine can take longer than the default 20 s
  timeout: 90_000,
  forceNew: true,
  reconnection: false,
  extraHeaders,
  ...(auth ? { auth } : {}),
});

function connected(socket: Socket, where: string): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error: Error) =>
      reject(new Error(`connecting to ${where} failed: ${error.message}`)),
    );
  });
}

function ackOf(socket: Socket, event: string, payload: unknown): Promise<AckAnswer> {
  return socket.timeout(60_000).emitWithAck(event, payload) as Promise<AckAnswer>;
}

export async function connectVisitor(
  dialect: Dialect,
  spec: VisitorSpec,
  site: { siteKey?: string; origin?: string },
): Promise<Visitor> {
  if (dialect === 'bare') {
    const socket = io(spec.url, options({}));
    await connected(socket, spec.url);
    await ackOf(socket, spec.room ? 'join' : 'hello', spec.room ? [spec.room] : {});
    const room = spec.room ?? '';
    return { socket, send: (body, done) => socket.emit('msg', { room, body }, done) };
  }
  if (!site.siteKey || !site.origin) throw new Error('parley visitors need the site key and its origin');
  const socket = io(spec.url + VISITOR_NAMESPACE, options({ origin: site.origin }, { siteKey: site.siteKey }));
  await connected(socket, spec.url + VISITOR_NAMESPACE);
  const resumed = await ackOf(socket, 'session:resume', { conversationId: null, lastSeq: 0 });
  if (!resumed.ok) throw new Error(`session:resume refused: ${JSON.stringify(resumed)}`);
  return {
    socket,
    send: (body, done) => socket.emit('message:send', { clientMessageId: randomUUID(), body }, done),
  };
}

export async function connectAgent(dialect: Dialect, spec: AgentSpec, listeners: AgentListeners): Promise<Agent> {
  if (dialect === 'bare') {
    const socket = io(spec.url, options({}));
    socket.on('msg', (message: { body: string }) => listeners.message(message.body));
    await connected(socket, spec.url + AGENT_NAMESPACE);
    await ackOf(socket, 'join', spec.rooms ?? []);
    return { socket, close: () => Promise.resolve({ ok: false }) };
  }
  const socket = io(spec.url + AGENT_NAMESPACE, options(spec.cookie ? { cookie: spec.cookie } : {}));
  socket.on('message:new', (message: Message) => {
    if (message.author.kind === 'visitor') listeners.message(message.body);
  });
  socket.on('conversation:assigned', (conversation: Conversation) => listeners.assigned(conversation.id));
  await connected(socket, spec.url + AGENT_NAMESPACE);
  const synced = await ackOf(socket, 'agent:sync', {});
  if (!synced.ok) throw new Error(`agent:sync refused: ${JSON.stringify(synced)}`);
  return { socket, close: (conversationId) => ackOf(socket, 'conversation:close', { conversationId }) };
}

/** The conversation a parley send ack names. */
export function conversationOf(answer: AckAnswer): string | undefined {
  const ack = answer as Ack<SendResult>;
  return ack.ok ? ack.data.conversation.id : undefined;
}
