/**
 * @module Sends the outbox over the resumed connection: one flush at a time (a request arriving
 * mid-flush runs it again, so nothing waits for the next connect), and a flush that got no ack is
 * tried again after a backoff with the same client ids, which the server stores only once.
 */
import type { SendResult } from '@parley/shared';
import { ErrorCode, type ErrorInfo } from '@parley/shared/error-codes';
import { flushOutbox, type SendOutcome } from './flush-outbox.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import type { Backoff } from './retry-delay.ts';
import { request } from './socket-request.ts';
import type { TimerSet } from './timer-set.ts';
import type { VisitorSocket } from './visitor-socket.ts';

export interface SenderHooks {
  /** The socket to send on and the session it belongs to, or null while not online. */
  link(): { socket: VisitorSocket; session: number } | null;
  /** Whether `session` is still the live one (no disconnect, no destroy since). */
  current(session: number): boolean;
  stored(result: SendResult): void;
  /** The server refused a message for good (unavailable: outside business hours, no live chat now); it has left the outbox. */
  rejected(error: ErrorInfo, body: string): void;
  /** The server asked to slow down (rate_limited): the message stays in the outbox and goes again after its wait. */
  limited(): void;
}

export class OutboxSender {
  #flushing = false;
  #again = false;

  readonly #outbox: Outbox;
  readonly #hooks: SenderHooks;
  readonly #backoff: Backoff;
  readonly #timers: TimerSet;
  readonly #ackTimeoutMs: number;

  constructor(outbox: Outbox, hooks: SenderHooks, backoff: Backoff, timers: TimerSet, ackTimeoutMs: number) {
    this.#outbox = outbox;
    this.#hooks = hooks;
    this.#backoff = backoff;
    this.#timers = timers;
    this.#ackTimeoutMs = ackTimeoutMs;
  }

  async flush(): Promise<void> {
    const link = this.#hooks.link();
    if (!link) return;
    if (this.#flushing) {
      this.#again = true;
      return;
    }
    this.#flushing = true;
    const { socket, session } = link;
    try {
      const result = await flushOutbox<SendResult>(this.#outbox, {
        send: (entry) => this.#send(socket, entry),
        canContinue: () => this.#hooks.current(session),
        onStored: (_entry, stored) => {
          this.#backoff.reset();
          this.#hooks.stored(stored);
        },
        onRejected: (entry, error) => {
          console.warn(`Parley chat: a message was refused: ${error.message}`);
          this.#hooks.rejected(error, entry.body);
        },
      });
      if (result.kind === 'stalled' && this.#hooks.current(session)) {
        // still connected, yet no ack (slow server) or asked to wait (rate limit): same clientMessageId,
        // so resending is safe; after a rate limit, not before the server said it would take it
        const limited = result.error?.code === ErrorCode.RateLimited;
        if (limited) this.#hooks.limited();
        const waitMs = limited ? result.error?.retryAfterMs : undefined;
        this.#timers.later(() => void this.flush(), waitMs ?? this.#backoff.next());
      }
    } finally {
      this.#flushing = false;
    }
    if (this.#again) {
      this.#again = false;
      void this.flush();
    }
  }

  async #send(socket: VisitorSocket, entry: OutboxEntry): Promise<SendOutcome<SendResult>> {
    const { clientMessageId, body, contact, proactive } = entry;
    const payload = { clientMessageId, body, ...(contact && { contact }), ...(proactive && { proactive }) };
    const res = await request<SendResult>((ack) =>
      socket.timeout(this.#ackTimeoutMs).emit('message:send', payload, ack),
    );
    if (!res) return { kind: 'retry', error: null };
    if (res.ok) return { kind: 'stored', result: res.data };
    const final = res.error.code === ErrorCode.InvalidPayload || res.error.code === ErrorCode.Unavailable;
    return final ? { kind: 'rejected', error: res.error } : { kind: 'retry', error: res.error };
  }
}
