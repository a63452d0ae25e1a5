/**
 * @module The conversation as a live log: the greeting, stored messages in seq order, then the
 * visitor's messages still on their way, with the delivery state of the visitor's latest message.
 * New messages are announced to screen readers through the log's aria-live.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Conversation, Message } from '@parley/shared';
import type { OutboxEntry } from '../client/outbox.ts';
import { storedDelivery, type Delivery } from '../client/delivery.ts';
import { lastSeqBy } from '../client/message-merge.ts';
import { MessageBody } from './message-body.tsx';
import { useStrings } from './strings-context.ts';

export interface MessageLogProps {
  greeting: string;
  /** Who the greeting is from: the sender of the proactive message shown in its place. */
  greetingAuthor?: string;
  messages: readonly Message[];
  pending: readonly OutboxEntry[];
  conversation?: Conversation | null;
  /** Delivery of messages still in the outbox: sending, or failed while the server is unreachable. */
  pendingState?: Delivery;
  onRetry?: () => void;
}

export function MessageLog(props: MessageLogProps): JSX.Element {
  const { greeting, greetingAuthor, messages, pending, conversation = null, pendingState = 'sending', onRetry } = props;
  const t = useStrings();
  const log = useRef<HTMLDivElement>(null);
  const count = messages.length + pending.length;
  // only the visitor's newest message carries a mark, like most chats
  const marked = pending.length === 0 ? lastSeqBy(messages, 'visitor') : 0;

  useLayoutEffect(() => {
    // keep the newest message in view as the conversation grows
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);

  const mark = (delivery: Delivery): JSX.Element => (
    <span class={`mark ${delivery}`}>
      {t[delivery]}
      {delivery === 'failed' && onRetry && (
        <button type="button" class="retry" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </span>
  );

  return (
    <div class="log" role="log" aria-live="polite" aria-label={t.conversation} ref={log} tabIndex={0}>
      {greeting && (
        <div class="message from-agent greeting">
          {greetingAuthor && <span class="author">{greetingAuthor}</span>}
          <p class="body">{greeting}</p>
        </div>
      )}
      {messages.map((message) => {
        const agent = message.author.kind === 'agent';
        return (
          <div key={message.id} class={`message from-${message.author.kind}`} data-seq={message.seq}>
            {agent && <span class="author">{message.author.name ?? t.agent}</span>}
            <MessageBody body={message.body} formatted={agent} />
            {message.seq === marked && mark(storedDelivery(message, conversation))}
          </div>
        );
      })}
      {pending.map((entry) => (
        <div key={entry.clientMessageId} class="message from-visitor pending">
          <p class="body">{entry.body}</p>
          {mark(pendingState)}
        </div>
      ))}
    </div>
  );
}
