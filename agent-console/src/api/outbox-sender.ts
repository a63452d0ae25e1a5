/**
 * @module Delivers the outbox: one message in flight per conversation, so messages are stored in the order
 * they were typed; a send that got no answer stays pending and goes again (same clientMessageId) while
 * connected or on the next connect. Only a refusal from the server marks a message failed.
 */
import { applyMessages } from '../state/conversations.ts';
import { awaitingSend, markFailed, removeDelivered, type PendingMessage } from '../state/outbox.ts';
import type { ConsoleStore } from '../state/console-store.ts';
import { RequestError, type AgentChannel } from './agent-channel.ts';

export interface OutboxSender {
  /** Send whatever is waiting and not already on its way. */
  pump(): void;
  /** The connection dropped: acks of the old connection will never come, so nothing counts as in flight. */
  forgetInFlight(): void;
}

export function createOutboxSender(store: ConsoleStore, currentChannel: () => AgentChannel | null): OutboxSender {
  /** conversation id → the attempt on its way; compared by identity so a stale attempt cannot clear a newer one. */
  const inFlight = new Map<string, { clientMessageId: string }>();

  async function deliver(channel: AgentChannel, pending: PendingMessage, attempt: { clientMessageId: string }) {
    try {
      const { message } = await channel.send({
        conversationId: pending.conversationId,
        clientMessageId: pending.clientMessageId,
        body: pending.body,
      });
      store.data.value = applyMessages(store.data.value, message.conversationId, [message]);
      store.outbox.value = removeDelivered(store.outbox.value, [message]);
    } catch (error) {
      if (error instanceof RequestError && error.answeredByServer) {
        store.outbox.value = markFailed(store.outbox.value, pending.clientMessageId, error.message);
      }
      // otherwise nobody answered: it stays pending, and the pump below (or the next connect) sends it again
    } finally {
      if (inFlight.get(pending.conversationId) === attempt) {
        inFlight.delete(pending.conversationId);
        pump();
      }
    }
  }

  function pump(): void {
    const channel = currentChannel();
    if (!channel || !channel.connected) return;
    for (const pending of awaitingSend(store.outbox.value)) {
      if (inFlight.has(pending.conversationId)) continue;
      const attempt = { clientMessageId: pending.clientMessageId };
      inFlight.set(pending.conversationId, attempt);
      void deliver(channel, pending, attempt);
    }
  }

  return {
    pump,
    forgetInFlight: () => inFlight.clear(),
  };
}
