/**
 * @module Delivers the outbox with the shared client core's sender, one per conversation: within a
 * conversation one message is in flight at a time, so messages are stored in the order they were typed,
 * and no conversation waits on another's. A send that got no answer stays pending and goes again (same
 * clientMessageId) after a backoff while connected, or on the next connect; a refusal for good marks it
 * failed, shown with the server's reason.
 */
import type { ErrorInfo, Message } from '@parley/shared';
import {
  awaitingSend,
  createBackoff,
  createOutboxSender as createSender,
  markFailed,
  refusalOutcome,
  removeDelivered,
  type OutboxSender as ConversationSender,
  type SendOutcome,
} from '@parley/shared/client-core';
import { applyMessages } from '../state/conversations.ts';
import type { PendingMessage } from '../state/outbox.ts';
import type { ConsoleStore } from '../state/console-store.ts';
import { RequestError, type AgentChannel } from './agent-channel.ts';

export interface OutboxSender {
  /** Send whatever is waiting and not already on its way. */
  pump(): void;
}

export function createOutboxSender(store: ConsoleStore, currentChannel: () => AgentChannel | null): OutboxSender {
  /** One sender per conversation that had something to send in this session (a handful). */
  const senders = new Map<string, ConversationSender>();
  const timers = { later: (fn: () => void, ms: number) => void setTimeout(fn, ms) };

  function senderFor(conversationId: string): ConversationSender {
    let sender = senders.get(conversationId);
    if (sender) return sender;
    sender = createSender<PendingMessage, AgentChannel, Message>(
      {
        waiting: () => awaitingSend(store.outbox.value).filter((pending) => pending.conversationId === conversationId),
        link: () => {
          const channel = currentChannel();
          return channel?.connected ? channel : null;
        },
        current: (channel) => channel === currentChannel() && channel.connected,
        send: deliver,
        stored: (_pending, message) => {
          store.data.value = applyMessages(store.data.value, message.conversationId, [message]);
          store.outbox.value = removeDelivered(store.outbox.value, [message]);
        },
        rejected: (pending, error) => {
          store.outbox.value = markFailed(store.outbox.value, pending.clientMessageId, error.message);
        },
      },
      createBackoff(),
      timers,
    );
    senders.set(conversationId, sender);
    return sender;
  }

  return {
    pump() {
      const conversations = new Set(awaitingSend(store.outbox.value).map((pending) => pending.conversationId));
      for (const conversationId of conversations) void senderFor(conversationId).flush();
    },
  };
}

async function deliver(channel: AgentChannel, pending: PendingMessage): Promise<SendOutcome<Message>> {
  try {
    const { message } = await channel.send({
      conversationId: pending.conversationId,
      clientMessageId: pending.clientMessageId,
      body: pending.body,
      ...(pending.content && { content: pending.content }),
      ...(pending.replyToId !== undefined && { replyToId: pending.replyToId }),
      ...(pending.attachments?.[0] && { attachmentIds: pending.attachments.map((a) => a.id) }),
    });
    return { kind: 'stored', result: message };
  } catch (error) {
    // a RequestError without a code: nobody answered (timeout, connection lost)
    const answered: ErrorInfo | null =
      error instanceof RequestError && error.code !== null ? { code: error.code, message: error.message } : null;
    return refusalOutcome(answered);
  }
}
