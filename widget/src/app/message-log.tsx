/**
 * @module The conversation as a live log: the greeting, stored messages in seq order, then the
 * visitor's messages still on their way. Bodies are text children, so markup in a message is
 * shown literally and can never run.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Message } from '@parley/shared';
import type { OutboxEntry } from '../client/outbox.ts';

export interface MessageLogProps {
  greeting: string;
  messages: readonly Message[];
  pending: readonly OutboxEntry[];
}

function authorLabel(message: Message): string | null {
  if (message.author.kind === 'agent') return message.author.name ?? 'Agent';
  return null;
}

export function MessageLog({ greeting, messages, pending }: MessageLogProps): JSX.Element {
  const log = useRef<HTMLDivElement>(null);
  const count = messages.length + pending.length;

  useLayoutEffect(() => {
    // keep the newest message in view as the conversation grows
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);

  return (
    <div class="log" role="log" aria-live="polite" aria-label="Conversation" ref={log}>
      {greeting && (
        <div class="message from-agent greeting">
          <p class="body">{greeting}</p>
        </div>
      )}
      {messages.map((message) => {
        const label = authorLabel(message);
        return (
          <div key={message.id} class={`message from-${message.author.kind}`} data-seq={message.seq}>
            {label !== null && <span class="author">{label}</span>}
            <p class="body">{message.body}</p>
          </div>
        );
      })}
      {pending.map((entry) => (
        <div key={entry.clientMessageId} class="message from-visitor pending">
          <p class="body">{entry.body}</p>
          <span class="mark">Sending…</span>
        </div>
      ))}
    </div>
  );
}
