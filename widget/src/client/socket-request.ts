/**
 * @module One request to the server as a promise: its answer, or null when none came in time (the
 * ack timed out or the connection dropped), which callers treat as "unknown, try again".
 */
import type { Ack } from '@parley/shared';
import type { TimedAck, TimedEmitter, VisitorSocket } from './visitor-socket.ts';

export const ACK_TIMEOUT_MS = 10_000;

/** `send` emits the request with the ack it is given: `(ack) => socket.timeout(ms).emit(event, payload, ack)`. */
export function request<T>(send: (ack: TimedAck<T>) => unknown): Promise<Ack<T> | null> {
  return new Promise((resolve) => send((err, res) => resolve(err ? null : res)));
}

/** A request on the live connection: its data, or null when offline, refused (said on the console) or unanswered. */
export async function ask<T>(
  socket: VisitorSocket | null,
  timeoutMs: number,
  emit: (emitter: TimedEmitter, ack: TimedAck<T>) => unknown,
): Promise<T | null> {
  if (!socket) return null;
  const res = await request<T>((ack) => emit(socket.timeout(timeoutMs), ack));
  if (res && !res.ok) console.warn(`Parley chat: ${res.error.message}`);
  return res?.ok ? res.data : null;
}
