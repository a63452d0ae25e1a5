/**
 * @module Wires the visitor's outbox to the shared client core's OutboxSender: message:send over the
 * resumed connection, one at a time, a flush that got no ack tried again after a backoff with the same
 * client ids (which the server stores only once), each entry taken off the outbox once settled.
 */
import type { SendResult } from '@parley/shared';
import {
  createOutboxSender as createSender,
  refusalOutcome,
  type Backoff,
  type OutboxSender,
  type SendOutcome,
} from '@parley/shared/client-core';
import type { ErrorInfo } from '@parley/shared/error-codes';
import type { Outbox, OutboxEntry } from './outbox.ts';
import { request } from './socket-request.ts';
import type { TimerSet } from './timer-set.ts';
import type { VisitorSocket } from './visitor-socket.ts';

export interface Link {
  socket: VisitorSocket;
  session: number;
}

export interface SenderHooks {
  /** The socket to send on and the session it belongs to, or null while not online. */
  link(): Link | null;
  /** Whether `link` is still the live connection (no disconnect, no destroy since). */
  current(link: Link): boolean;
  stored(result: SendResult): void;
  /** The server refused a message for good (e.g. unavailable: outside business hours, no live chat now); it has left the outbox. */
  rejected(error: ErrorInfo, body: string): void;
  /** The server asked to slow down (rate_limited): the message stays in the outbox and goes again after its wait. */
  limited(): void;
}

export function createOutboxSender(
  outbox: Outbox,
  hooks: SenderHooks,
  backoff: Backoff,
  timers: TimerSet,
  ackTimeoutMs: number,
): OutboxSender {
  return createSender<OutboxEntry, Link, SendResult>(
    {
      ...hooks,
      waiting: () => outbox.list(),
      send: (link, entry) => send(link.socket, entry, ackTimeoutMs),
      stored: (entry, result) => {
        outbox.remove(entry.clientMessageId);
        hooks.stored(result);
      },
      rejected: (entry, error) => {
        outbox.remove(entry.clientMessageId);
        console.warn(`Parley chat: a message was refused: ${error.message}`);
        hooks.rejected(error, entry.body);
      },
      limited: () => hooks.limited(),
    },
    backoff,
    timers,
  );
}

async function send(socket: VisitorSocket, entry: OutboxEntry, ackTimeoutMs: number): Promise<SendOutcome<SendResult>> {
  const { clientMessageId, body, contact, proactive, answer, attachments, replyToId } = entry;
  const payload = {
    clientMessageId,
    body,
    ...(contact && { contact }),
    ...(proactive && { proactive }),
    ...(answer && { answer }),
    ...(attachments && { attachmentIds: attachments.map((a) => a.id) }),
    ...(replyToId && { replyToId }),
  };
  const res = await request<SendResult>((ack) => socket.timeout(ackTimeoutMs).emit('message:send', payload, ack));
  return res?.ok ? { kind: 'stored', result: res.data } : refusalOutcome(res?.error ?? null);
}
