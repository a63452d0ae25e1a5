/**
 * @module Sending the outbox: in order, one message at a time, each removed only once the server
 * has acknowledged storing it. One at a time is what keeps the visitor's messages in the order
 * they were written: the server assigns seq in arrival order.
 */
import type { ErrorInfo } from '@parley/shared/error-codes';
import type { Outbox, OutboxEntry } from './outbox.ts';

export type SendOutcome<R> =
  /** Stored by the server: `result` is its ack data. */
  | { kind: 'stored'; result: R }
  /** Refused for good (e.g. invalid_payload): resending the same body cannot succeed. */
  | { kind: 'rejected'; error: ErrorInfo }
  /** Not known to be stored (timeout, disconnect, transient error): keep it and send it again later. */
  | { kind: 'retry'; error: ErrorInfo | null };

export interface FlushHooks<R> {
  send(entry: OutboxEntry): Promise<SendOutcome<R>>;
  onStored(entry: OutboxEntry, result: R): void;
  onRejected(entry: OutboxEntry, error: ErrorInfo): void;
  /** Checked before each send: false once the connection the flush started on is gone. */
  canContinue(): boolean;
}

export type FlushResult = { kind: 'drained' } | { kind: 'stopped' } | { kind: 'stalled'; error: ErrorInfo | null };

export async function flushOutbox<R>(outbox: Outbox, hooks: FlushHooks<R>): Promise<FlushResult> {
  while (hooks.canContinue()) {
    // re-read each round: entries written while a send was in flight go out in the same flush
    const entry = outbox.list()[0];
    if (!entry) return { kind: 'drained' };
    const outcome = await hooks.send(entry);
    if (outcome.kind === 'retry') return { kind: 'stalled', error: outcome.error };
    outbox.remove(entry.clientMessageId);
    if (outcome.kind === 'stored') hooks.onStored(entry, outcome.result);
    else hooks.onRejected(entry, outcome.error);
  }
  return { kind: 'stopped' };
}
