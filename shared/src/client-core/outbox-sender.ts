/**
 * @module Sending an outbox: in order, one message at a time, each taken off only once the server has
 * stored it (one at a time is what keeps the messages in the order written: the server assigns seq in
 * arrival order). One flush runs at a time; a request arriving mid-flush runs it again, so nothing
 * waits for the next connect. A send that got no answer stays, and is tried again after a backoff
 * while the connection lasts (else on the next connect) with the same clientMessageId, which the
 * server stores only once.
 */
import type { ErrorInfo } from '../error-codes.ts'; // codes as their values: the ErrorCode object would ship in the widget's first-visit bundle
import type { Backoff } from './backoff.ts';
import type { PendingEntry } from './outbox.ts';

export type SendOutcome<R> =
  /** Stored by the server: `result` is its ack data. */
  | { kind: 'stored'; result: R }
  /** Refused for good: resending the same message cannot succeed. */
  | { kind: 'rejected'; error: ErrorInfo }
  /** Not known to be stored (timeout, disconnect, a passing server failure): keep it and send it again later. */
  | { kind: 'retry'; error: ErrorInfo | null };

/**
 * What a refusal (or, for null, no answer at all) means for the message. Only the server's own failure
 * and "slow down" may pass by themselves; any other refusal (invalid, conversation ended, not yours,
 * no live chat now) would be refused again, so the client says so instead of retrying for ever.
 */
export function refusalOutcome(error: ErrorInfo | null): SendOutcome<never> {
  return error && error.code !== 'internal' && error.code !== 'rate_limited'
    ? { kind: 'rejected', error }
    : { kind: 'retry', error };
}

export interface FlushHooks<E, L, R> {
  /** Entries waiting to be sent, oldest first; read afresh each round (more may have been written meanwhile). */
  waiting(): readonly E[];
  send(link: L, entry: E): Promise<SendOutcome<R>>;
  /** The server stored it: take it off `waiting()`. */
  stored(entry: E, result: R): void;
  /** Refused for good: take it off `waiting()`. */
  rejected(entry: E, error: ErrorInfo): void;
  /** Checked before each send: false once `link`, the connection the flush started on, is gone. */
  current(link: L): boolean;
}

export type FlushResult = { kind: 'drained' } | { kind: 'stopped' } | { kind: 'stalled'; error: ErrorInfo | null };

/** Sends what is waiting over `link` until it is all stored, a send gets no answer, or `link` is gone. */
export async function flushOutbox<E, L, R>(hooks: FlushHooks<E, L, R>, link: L): Promise<FlushResult> {
  while (hooks.current(link)) {
    // re-read each round: entries written while a send was in flight go out in the same flush
    const entry = hooks.waiting()[0];
    if (!entry) return { kind: 'drained' };
    const outcome = await hooks.send(link, entry);
    if (outcome.kind === 'retry') return { kind: 'stalled', error: outcome.error };
    if (outcome.kind === 'stored') hooks.stored(entry, outcome.result);
    else hooks.rejected(entry, outcome.error);
  }
  return { kind: 'stopped' };
}

/** A plain object (its functions are copied): what to send, over which connection, and what to do with the answers. */
export interface SenderHooks<E, L, R> extends FlushHooks<E, L, R> {
  /** The connection to send on, or null while not online. */
  link(): L | null;
  /** The server asked to slow down (rate_limited): the message stays and goes again after the wait it named. */
  limited?(error: ErrorInfo): void;
}

export interface OutboxSender {
  /** Sends what is waiting, unless offline; mid-flush, makes the running flush go round once more. */
  flush(): Promise<void>;
}

/** `timers.later` runs the retry after a stalled flush: a timer the client clears when it shuts down. */
export function createOutboxSender<E extends PendingEntry, L, R>(
  hooks: SenderHooks<E, L, R>,
  backoff: Backoff,
  timers: { later(fn: () => void, ms: number): void },
): OutboxSender {
  let flushing = false;
  let again = false;
  const stored = (entry: E, result: R): void => {
    backoff.reset();
    hooks.stored(entry, result);
  };

  async function flush(): Promise<void> {
    const link = hooks.link();
    if (link === null) return;
    if (flushing) {
      again = true;
      return;
    }
    flushing = true;
    try {
      const result = await flushOutbox({ ...hooks, stored }, link);
      if (result.kind === 'stalled' && hooks.current(link)) {
        // still connected, yet no ack (slow server) or asked to wait (rate limit): same clientMessageId,
        // so resending is safe; after a rate limit, not before the server said it would take it
        const limited = result.error?.code === 'rate_limited' ? result.error : null;
        if (limited) hooks.limited?.(limited);
        timers.later(() => void flush(), limited?.retryAfterMs ?? backoff.next());
      }
    } finally {
      flushing = false;
    }
    if (again) {
      again = false;
      void flush();
    }
  }

  return { flush };
}
