/**
 * @module A conversation's messages as a live log: visitor, agent and system messages and private notes
 * told apart, then the agent's messages still on their way; the agent's last message says whether the
 * visitor has it or has seen it. Bodies are text nodes, except an agent's Markdown subset, rendered
 * and sanitized as the widget does it (message-text.tsx).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message, Note } from '@parley/shared';
import { timeline } from '../state/timeline.ts';
import type { ConversationEntry } from '../state/conversations.ts';
import type { PendingMessage } from '../state/outbox.ts';
import { visitorLabel } from '../state/conversation-selectors.ts';
import { Loading } from './load-state.tsx';
import { MessageText } from './message-text.tsx';
import { RichContentView } from './rich-content-view.tsx';
import { MessageActions, MessageContent, messageAnchor } from './message-changes.tsx';
import { MessageAttachments } from './message-attachments.tsx';

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
  const lastFromAgent = lastAgentSeq(messages);
  const items = timeline(messages, entry.notes);

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && following.current) log.scrollTop = log.scrollHeight;
  }, [items.length, pending.length]);

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
      {items.length === 0 && pending.length === 0 ? (
        entry.historyLoaded ? (
          <p class="log__empty">No messages yet.</p>
        ) : (
          <Loading label="Loading messages…" />
        )
      ) : (
        <ol class="messages">
          {items.map((item) =>
            item.kind === 'note' ? (
              <NoteItem key={item.note.id} note={item.note} />
            ) : (
              <MessageItem
                key={item.message.seq}
                message={item.message}
                messages={messages}
                visitorName={visitorLabel(conversation)}
                delivery={
                  item.message.seq !== lastFromAgent
                    ? null
                    : item.message.seq <= conversation.visitorSeenSeq
                      ? 'Seen'
                      : 'Delivered'
                }
              />
            ),
          )}
          {pending.map((message) => (
            <li key={message.clientMessageId} class="message message--agent message--pending">
              <div class="message__meta">
                <span class="message__author">{agentName}</span>
              </div>
              <MessageText body={message.body} formatted />
              <MessageAttachments attachments={message.attachments} />
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
  /** The whole conversation: where the answer to rich content is. */
  messages: readonly Message[];
  visitorName: string;
  /** Shown under the agent's latest message: stored for the visitor, or seen by them. */
  delivery: 'Delivered' | 'Seen' | null;
}

function NoteItem({ note }: { note: Note }) {
  return (
    <li class="message message--note">
      <div class="message__meta">
        <span class="message__author">{note.author.name}</span>
        <span class="note__label">
          {note.transferredTo ? `Transferred to ${note.transferredTo.name}` : 'Private note'}
        </span>
        <time class="message__time" dateTime={note.createdAt}>
          {formatTime(note.createdAt)}
        </time>
      </div>
      {note.body !== '' && <p class="message__body">{note.body}</p>}
    </li>
  );
}

function MessageItem({ message, messages, visitorName, delivery }: MessageItemProps) {
  const { kind, name } = message.author;
  if (kind === 'system') {
    return (
      <li class="message message--system">
        <p class="message__body">{message.body}</p>
      </li>
    );
  }
  return (
    <li class={`message message--${kind}`} id={messageAnchor(message.id)} tabIndex={-1}>
      <div class="message__meta">
        <span class="message__author">{name ?? (kind === 'visitor' ? visitorName : 'Agent')}</span>
        {/* answer bot (issue 22): what the bot said before the handoff is marked as the bot's */}
        {kind === 'bot' && <span class="message__badge">Bot</span>}
        <time class="message__time" dateTime={message.createdAt}>
          {formatTime(message.createdAt)}
        </time>
      </div>
      {message.content && !message.deletedAt ? (
        <RichContentView message={message} messages={messages} />
      ) : (
        <MessageContent message={message} visitorName={visitorName} />
      )}
      {!message.deletedAt && <MessageAttachments attachments={message.attachments} />}
      {delivery && <p class="message__state">{delivery}</p>}
      <MessageActions message={message} />
    </li>
  );
}

/** The seq of the newest agent message: only that one carries its delivery state, to keep the log calm. */
function lastAgentSeq(messages: readonly Message[]): number | null {
  let last: number | null = null;
  for (const message of messages) if (message.author.kind === 'agent') last = message.seq;
  return last;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
