/**
 * @module Real socket.io-client connections for tests: a visitor on a page of some origin, an agent
 * signed in over REST, and a way to wait for the next event that matches.
 */
import { io, type Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  SESSION_COOKIE,
  type Ack,
  type AgentClientToServer,
  type AgentServerToClient,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '@parley/shared';
import { randomUUID } from 'node:crypto';

export type VisitorSocket = Socket<VisitorServerToClient, VisitorClientToServer>;
export type AgentSocket = Socket<AgentServerToClient, AgentClientToServer>;

const sockets = new Set<Socket>();

/** Disconnects every socket a test opened; call from afterEach. */
export function disconnectAll(): void {
  for (const socket of sockets) socket.disconnect();
  sockets.clear();
}

export function connectVisitor(
  url: string,
  options: {
    siteKey: string;
    origin?: string;
    token?: string;
    userAgent?: string;
    timeZone?: string;
    /** More handshake headers, e.g. X-Forwarded-For as a proxy would add it. */
    headers?: Record<string, string>;
  },
): VisitorSocket {
  const auth: { siteKey: string; token?: string; timeZone?: string } = { siteKey: options.siteKey };
  if (options.token) auth.token = options.token;
  if (options.timeZone) auth.timeZone = options.timeZone;
  const socket: VisitorSocket = io(url + VISITOR_NAMESPACE, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth,
    extraHeaders: {
      ...(options.origin ? { origin: options.origin } : {}),
      ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
      ...options.headers,
    },
  });
  sockets.add(socket);
  return socket;
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(setCookie);
  if (!match) throw new Error('no session cookie');
  return `${SESSION_COOKIE}=${match[1]}`;
}

export function connectAgent(url: string, cookie: string | undefined, origin?: string): AgentSocket {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  const socket: AgentSocket = io(url + AGENT_NAMESPACE, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
  });
  sockets.add(socket);
  return socket;
}

export async function signInAgent(url: string, email: string, password: string): Promise<AgentSocket> {
  const socket = connectAgent(url, await login(url, email, password));
  await connected(socket);
  return socket;
}

export function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Resolves with the `data` of a handshake rejection. */
export function rejected(socket: Socket): Promise<{ code: string; message: string }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, expected a rejection')));
    socket.once('connect_error', (error: Error & { data?: { code: string; message: string } }) =>
      error.data ? resolve(error.data) : reject(error),
    );
  });
}

/** The next `event` whose payload satisfies `predicate`. Subscribe before the action that causes it. */
export function nextEvent<T>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Emits and returns the ack's data, failing the test on an error ack. */
export async function call<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const res = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
  if (!res.ok) throw new Error(`${event} failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** Emits and returns the raw ack, for tests that expect an error. */
export async function callRaw<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
}

export const clientId = (): string => randomUUID();
