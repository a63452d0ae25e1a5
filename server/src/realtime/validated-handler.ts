/**
 * @module The one way a socket event reaches the domain: parse with the shared schema, call, ack.
 * A parse failure acks invalid_payload and never reaches the domain; an unknown failure is logged
 * with context and goes on the wire as `internal` with no stack.
 */
import type { Namespace, Socket } from 'socket.io';
import { ErrorCode, type Ack } from '@parley/shared/error-codes';
import { describeIssues, summarizeIssues, type AckDataOf, type ClientEventSpec, type PayloadOf } from '@parley/shared';
import { ParleyError, toParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';

type Handler<M extends Record<string, ClientEventSpec>, K extends keyof M> = (
  payload: PayloadOf<M, K>,
) => Promise<M[K] extends { ack: unknown } ? AckDataOf<M, K> : void>;

export type HandlerTable<M extends Record<string, ClientEventSpec>> = { [K in keyof M]: Handler<M, K> };

/**
 * Registers every handler of `table` on the socket, each validated against `specs`. `track` is
 * handed each running call (graceful shutdown waits for them).
 */
export function bindHandlers<M extends Record<string, ClientEventSpec>>(
  socket: Socket,
  specs: M,
  table: HandlerTable<M>,
  logger: Logger,
  track: (work: Promise<void>) => void = () => undefined,
): void {
  for (const event of Object.keys(specs) as Array<keyof M & string>) {
    const spec = specs[event];
    const handler = table[event];
    if (!spec) continue;
    socket.on(event as string, (...args: unknown[]) => {
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (res: Ack<unknown>) => void) : undefined;
      const payload = ack ? args.slice(0, -1)[0] : args[0];
      track(run(event, spec, handler, payload, ack, socket, logger));
    });
  }
}

async function run<M extends Record<string, ClientEventSpec>, K extends keyof M & string>(
  event: K,
  spec: ClientEventSpec,
  handler: Handler<M, K>,
  payload: unknown,
  ack: ((res: Ack<unknown>) => void) | undefined,
  socket: Socket,
  logger: Logger,
): Promise<void> {
  const parsed = spec.payload.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    reply(ack, { ok: false, error: { code: ErrorCode.InvalidPayload, message: summarizeIssues(issues), issues } });
    return;
  }
  try {
    const data = await handler(parsed.data as PayloadOf<M, K>);
    reply(ack, { ok: true, data: data ?? {} });
  } catch (error) {
    const parleyError = toParleyError(error);
    if (parleyError.code === ErrorCode.Internal) {
      logger.error('socket event failed', { event, namespace: socket.nsp.name, socketId: socket.id, error });
    }
    reply(ack, { ok: false, error: parleyError.toInfo() });
  }
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
        next(handshakeError(error instanceof ParleyError ? error : new ParleyError(ErrorCode.Internal, 'Handshake failed')));
      },
    );
  });
}
