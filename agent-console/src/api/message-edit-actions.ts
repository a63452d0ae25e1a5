/**
 * @module Quoted reply, edit and delete from the console (issue 19): which message the next reply of each
 * conversation quotes, and the requests that change one of the agent's own messages or read a message's
 * revisions (admins). Each request returns why it failed, for the UI to show where the agent acted, or null.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { MessageBodySchema, type Message, type MessageRevision } from '@parley/shared';
import { applyPush } from '../state/conversations.ts';
import type { ConsoleStore } from '../state/console-store.ts';
import type { AgentChannel } from './agent-channel.ts';

export interface MessageEditActions {
  /** The message each conversation's next reply quotes, by conversation id. */
  readonly replyTargets: ReadonlySignal<ReadonlyMap<string, Message>>;
  setReplyTarget(conversationId: string, message: Message | null): void;
  /** The quoted message of the reply being sent, cleared: it goes with that one reply only. */
  takeReplyTarget(conversationId: string): Message | undefined;
  edit(message: Message, body: string): Promise<string | null>;
  remove(message: Message): Promise<string | null>;
  revisions(message: Message): Promise<MessageRevision[] | string>;
}

const OFFLINE = 'You are offline: try again once the connection is back.';

export function createMessageEditActions(
  store: ConsoleStore,
  currentChannel: () => AgentChannel | null,
  newId: () => string,
): MessageEditActions {
  const replyTargets = signal<ReadonlyMap<string, Message>>(new Map());

  async function attempt<T>(work: (channel: AgentChannel) => Promise<T>): Promise<{ value: T } | { error: string }> {
    const channel = currentChannel();
    if (!channel || !channel.connected) return { error: OFFLINE };
    try {
      return { value: await work(channel) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : 'Something went wrong.' };
    }
  }

  /** The changed message replaces the held copy at once; the server's push carries the same change. */
  function applied(result: { value: { message: Message } } | { error: string }): string | null {
    if ('error' in result) return result.error;
    store.data.value = applyPush(store.data.value, { event: 'message:updated', payload: result.value.message });
    return null;
  }

  function setReplyTarget(conversationId: string, message: Message | null): void {
    const next = new Map(replyTargets.value);
    if (message) next.set(conversationId, message);
    else next.delete(conversationId);
    replyTargets.value = next;
  }

  return {
    replyTargets,
    setReplyTarget,
    takeReplyTarget(conversationId) {
      const target = replyTargets.value.get(conversationId);
      if (target) setReplyTarget(conversationId, null);
      return target;
    },
    async edit(message, body) {
      const valid = MessageBodySchema.safeParse(body.trim());
      if (!valid.success) return 'A message needs some text (at most 5000 characters).';
      const { conversationId, id: messageId } = message;
      // one change id per attempt: a retry of this request is applied once
      const clientChangeId = newId();
      return applied(
        await attempt((channel) =>
          channel.editMessage({ conversationId, messageId, clientChangeId, body: valid.data }),
        ),
      );
    },
    async remove(message) {
      return applied(
        await attempt((channel) =>
          channel.deleteMessage({ conversationId: message.conversationId, messageId: message.id }),
        ),
      );
    },
    async revisions(message) {
      const result = await attempt((channel) =>
        channel.messageRevisions({ conversationId: message.conversationId, messageId: message.id }),
      );
      return 'error' in result ? result.error : result.value.revisions;
    },
  };
}
