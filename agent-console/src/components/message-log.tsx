/**
 * @module A conversation's messages as a live log: visitor, agent and system messages told apart, then the
 * agent's messages still on their way. Bodies are rendered as text nodes, never as HTML.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '@parley/shared';
import type { ConversationEntry } from '../state/conversations.ts';
import type { PendingMessage } from '../state/outbox.ts';
import { visitorLabel } from '../state/conversation-selectors.ts';

interface MessageLogProps {
  entry: ConversationEntry;
  pending: readonly PendingMessage[];
  agentName: string;
}

/** Within this distance of the bottom the log follows new messages; further up, the agent is reading back. */
const FOLLOW_THRESHOLD_PX = 48;

export function MessageLog({ entry, pending, agentName }: MessageLogProps) {
  const logRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const { conversation, messages } = entry;
  const lastSeenByVisitor = lastAgentMessageSeen(messages, conversation.visitorSeenSeq);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && following.current) log.scrollTop = log.scrollHeight;
  }, [messages.length, pending.length]);

  return (
    <div
      ref={logRef}
      class="log"
      role="log"
      aria-label={`Messages with ${visitorLabel(conversation)}`}
      tabIndex={0}
      onScroll={(event) => {
        const log = event.currentTarget;
        following.current = log.scrollHeight - log.scrollTop - log.clientHeight < FOLLOW_THRESHOLD_PX;
      }}
    >
      {messages.length === 0 && pending.length === 0 ? (
        <p class="log__empty">{entry.historyLoaded ? 'No messages yet.' : 'Loading messages…'}</p>
      ) : (
        <ol class="messages">
          {messages.map((message) => (
            <MessageItem
              key={message.seq}
              message={message}
              visitorName={visitorLabel(conversation)}
              seen={message.seq === lastSeenByVisitor}
            />
          ))}
          {pending.map((message) => (
            <li key={message.clientMessageId} class="message message--agent message--pending">
              <div class="message__meta">
                <span class="message__author">{agentName}</span>
              </div>
              <p class="message__body">{message.body}</p>
              <p class={message.error ? 'message__state message__state--failed' : 'message__state'}>
                {message.error ? `Not sent: ${message.error}` : 'Sending…'}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

interface MessageItemProps {
  message: Message;
  visitorName: string;
  seen: boolean;
}

function MessageItem({ message, visitorName, seen }: MessageItemProps) {
  const { kind, name } = message.author;
  if (kind === 'system') {
    return (
      <li class="message message--system">
        <p class="message__body">{message.body}</p>
      </li>
    );
  }
  return (
    <li class={`message message--${kind}`}>
      <div class="message__meta">
        <span class="message__author">{name ?? (kind === 'visitor' ? visitorName : 'Agent')}</span>
        <time class="message__time" dateTime={message.createdAt}>
          {formatTime(message.createdAt)}
        </time>
      </div>
      <p class="message__body">{message.body}</p>
      {seen && <p class="message__state">Seen</p>}
    </li>
  );
}

/** The seq of the newest agent message the visitor has seen: only that one carries "Seen". */
function lastAgentMessageSeen(messages: readonly Message[], visitorSeenSeq: number): number | null {
  let seen: number | null = null;
  for (const message of messages) {
    if (message.author.kind === 'agent' && message.seq <= visitorSeenSeq) seen = message.seq;
  }
  return seen;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
