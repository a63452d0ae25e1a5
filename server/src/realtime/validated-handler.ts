/**
 * @module The one way a socket event reaches the domain: parse with the shared schema, call, ack.
 * A parse failure acks invalid_payload and never reaches the domain; an unknown failure is logged
 * with context and goes on the wire as `internal` with no stack.
 */
import { performance } from 'node:perf_hooks';
import type { Namespace, Server, Socket } from 'socket.io';
import { ErrorCode, type Ack } from '@parley/shared/error-codes';
import { describeIssues, summarizeIssues, type AckDataOf, type ClientEventSpec, type PayloadOf } from '@parley/shared';
import { ParleyError, toParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export type SocketEventOutcome = 'ok' | 'invalid' | 'error';

/** Hears every handled socket event: what it was, how it ended, how long it took (metrics). */
export interface SocketEventObserver {
  handled(namespace: string, event: string, outcome: SocketEventOutcome, seconds: number): void;
}

// Per Socket.IO server, so each running Parley reports to its own metrics.
const observers = new WeakMap<Server, SocketEventObserver>();

/** Every event handled through handlersFor on `io`'s namespaces is reported to `observer`. */
export function observeSocketEvents(io: Server, observer: SocketEventObserver): void {
  observers.set(io, observer);
}

type Handler<M extends Record<string, ClientEventSpec>, K extends keyof M, C> = (
  payload: PayloadOf<M, K>,
  context: C,
) => Promise<M[K] extends { ack: unknown } ? AckDataOf<M, K> : void>;

/** `C`: what a handler needs of its socket (the visitor, the agent), handed to it with each call. */
export type HandlerTable<M extends Record<string, ClientEventSpec>, C = undefined> = {
  [K in keyof M]: Handler<M, K, C>;
};

/**
 * Made once per namespace: binds `table` to a socket with one listener, so an idle connection holds
 * one closure instead of one per event (and a logger child only when it has something to log).
 * Memory per idle visitor is a figure of `pnpm bench`. `track` is handed each running call
 * (graceful shutdown waits for them).
 */
export function handlersFor<M extends Record<string, ClientEventSpec>, C>(
  specs: M,
  table: HandlerTable<M, C>,
  logger: Logger,
  track: (work: Promise<void>) => void = () => undefined,
): (socket: Socket, context: C) => void {
  const known = new Set<string>(Object.keys(specs).filter((event) => specs[event] !== undefined));
  return (socket, context) => {
    socket.onAny((event: string, ...args: unknown[]) => {
      if (!known.has(event)) return;
      const name = event as keyof M & string;
      const spec = specs[name];
      if (!spec) return;
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (res: Ack<unknown>) => void) : undefined;
      const payload = ack ? args.slice(0, -1)[0] : args[0];
      const started = performance.now();
      // socket.id is the connection's id: every line logged for this socket carries it
      const log = () => logger.child({ connectionId: socket.id, namespace: socket.nsp.name });
      track(
        run(name, spec, (parsed: PayloadOf<M, typeof name>) => table[name](parsed, context), payload, ack, log).then(
          (outcome) =>
            observers
              .get(socket.nsp.server)
              ?.handled(socket.nsp.name, event, outcome, (performance.now() - started) / 1000),
        ),
      );
    });
  };
}

/**
 * Binds `table` to this one socket (few sockets: agents), for a caller whose rights may change while
 * the socket is open: `context` is asked before each event that parsed, and its answer (or its
 * refusal) is what the handler works with.
 */
export function bindHandlersWithContext<M extends Record<string, ClientEventSpec>, C>(
  socket: Socket,
  specs: M,
  table: HandlerTable<M, C>,
  context: () => Promise<C>,
  logger: Logger,
  track?: (work: Promise<void>) => void,
): void {
  const fresh: Partial<HandlerTable<M>> = {};
  for (const event of Object.keys(table) as Array<keyof M & string>) {
    const handler = table[event];
    fresh[event] = async (payload) => handler(payload, await context());
  }
  // same events, same payloads: only the context moved from the socket into the call. Every event
  // of `table` was filled in just above, so the table is whole.
  handlersFor(specs, fresh as HandlerTable<M>, logger, track)(socket, undefined);
}

async function run<M extends Record<string, ClientEventSpec>, K extends keyof M & string>(
  event: K,
  spec: ClientEventSpec,
  handler: (payload: PayloadOf<M, K>) => Promise<unknown>,
  payload: unknown,
  ack: ((res: Ack<unknown>) => void) | undefined,
  logger: () => Logger,
): Promise<SocketEventOutcome> {
  if (!isJsonPayload(payload)) {
    const message = 'The payload must be a JSON object (no binary data)';
    reply(ack, { ok: false, error: { code: ErrorCode.InvalidPayload, message, issues: [{ path: '', message }] } });
    return 'invalid';
  }
  const parsed = spec.payload.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    reply(ack, { ok: false, error: { code: ErrorCode.InvalidPayload, message: summarizeIssues(issues), issues } });
    return 'invalid';
  }
  try {
    const data = await handler(parsed.data as PayloadOf<M, K>);
    reply(ack, { ok: true, data: data ?? {} });
    return 'ok';
  } catch (error) {
    const parleyError = toParleyError(error);
    if (parleyError.code === ErrorCode.Internal) {
      logger().error('socket event failed', { event, error });
    }
    reply(ack, { ok: false, error: parleyError.toInfo() });
    return 'error';
  }
}

/**
 * Absent (or null), or a plain object holding only JSON values. Socket.IO delivers binary attachments as
 * Buffers, which zod's object schemas would take for an object with no fields (and strip where
 * nested): bytes must never pass as an empty payload.
 */
function isJsonPayload(payload: unknown): boolean {
  if (payload === undefined || payload === null) return true;
  return isPlainObject(payload) && isJsonValue(payload, 0);
}

const MAX_DEPTH = 32;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isJsonValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  return isPlainObject(value) && Object.values(value).every((item) => isJsonValue(item, depth + 1));
}

function reply(ack: ((res: Ack<unknown>) => void) | undefined, response: Ack<unknown>): void {
  // Events without an ack (typing) answer nothing; a client that sent none gets nothing.
  if (ack) ack(response);
}

/** A handshake rejection the client sees as connect_error with `data: { code, message }`. */
function handshakeError(error: ParleyError): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(error.message), { data: { code: error.code, message: error.message } });
}

/**
 * Runs `authenticate` on every handshake of the namespace: a ParleyError becomes the client's
 * connect_error as it is; anything else is logged and refused as `internal`.
 */
export function guardHandshake(nsp: Namespace, authenticate: (socket: Socket) => Promise<void>, logger: Logger): void {
  nsp.use((socket, next) => {
    authenticate(socket).then(
      () => next(),
      (error: unknown) => {
        if (!(error instanceof ParleyError)) logger.error('handshake failed', { namespace: nsp.name, error });
        next(
          handshakeError(
            error instanceof ParleyError ? error : new ParleyError(ErrorCode.Internal, 'Handshake failed'),
          ),
        );
      },
    );
  });
}
