/**
 * @module "My conversations" and, below them, the ones the agent closed lately (kept across reloads, to
 * read again or reopen): one button per conversation with the visitor, the latest message, unread
 * visitor messages and the status. The latest message text is inside the button, so it can be found by it.
 */
import type { ConversationEntry } from '../state/conversations.ts';
import { listOrder, statusLabel, unreadCount, visitorLabel } from '../state/conversation-selectors.ts';
import { MessagePreview } from './message-preview.tsx';
import { useSession } from './session-context.ts';
import { formatShortWait, useNow } from './wait-time.ts';

export function ConversationList() {
  const session = useSession();
  const { store } = session;
  const entries = listOrder(store.data.value);
  const open = entries.filter((entry) => entry.conversation.status !== 'closed');
  const closed = entries.filter((entry) => entry.conversation.status === 'closed');
  const selectedId = store.selectedId.value;
  const now = useNow(session.now, 30_000);
  const items = (list: ConversationEntry[]) => (
    <ul class="conversation-list">
      {list.map((entry) => (
        <li key={entry.conversation.id}>
          <ConversationItem
            entry={entry}
            selected={entry.conversation.id === selectedId}
            agentId={store.data.value.agentId}
            now={now}
            onSelect={() => session.select(entry.conversation.id)}
          />
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <section class="sidebar__section" aria-labelledby="mine-title">
        <h2 id="mine-title" class="sidebar__title">
          My conversations
        </h2>
        {open.length === 0 ? (
          <div class="sidebar__empty empty-state empty-state--small">
            <span class="empty-state__art empty-state__art--inbox" aria-hidden="true" />
            <p class="empty-state__title">You're all caught up</p>
            <p class="empty-state__hint">No open conversations. Waiting visitors are assigned to you automatically.</p>
          </div>
        ) : (
          items(open)
        )}
      </section>
      {closed.length > 0 && (
        <section class="sidebar__section" aria-labelledby="closed-title">
          <h2 id="closed-title" class="sidebar__title">
            Closed
          </h2>
          {items(closed)}
        </section>
      )}
    </>
  );
}

interface ConversationItemProps {
  entry: ConversationEntry;
  selected: boolean;
  agentId: string | null;
  now: number;
  onSelect: () => void;
}

function ConversationItem({ entry, selected, agentId, now, onSelect }: ConversationItemProps) {
  const { conversation, lastMessage } = entry;
  const unread = unreadCount(entry);
  const name = visitorLabel(conversation);
  // the visitor spoke last in a live chat: they wait for an answer, and for how long is what matters
  const waitingSince =
    conversation.status === 'active' && lastMessage?.author.kind === 'visitor'
      ? Date.parse(lastMessage.createdAt)
      : NaN;
  const classes = ['conversation-item'];
  if (selected) classes.push('conversation-item--selected');
  if (unread > 0) classes.push('conversation-item--unread');
  return (
    <button
      type="button"
      class={classes.join(' ')}
      aria-current={selected ? 'true' : undefined}
      data-conversation-id={conversation.id}
      onClick={onSelect}
    >
      <span class={`avatar avatar--visitor avatar--${conversation.status}`} aria-hidden="true">
        {[...name][0]?.toUpperCase() ?? '?'}
      </span>
      <span class="conversation-item__main">
        <span class="conversation-item__top">
          <span class="conversation-item__name">{name}</span>
          {/* a live chat needs no badge; the others say what they are */}
          <span class={conversation.status === 'active' ? 'visually-hidden' : `status status--${conversation.status}`}>
            {statusLabel(conversation)}
          </span>
          {!Number.isNaN(waitingSince) && (
            <span class="conversation-item__waiting" title="Waiting for your answer">
              <span class="visually-hidden">waiting </span>
              <time dateTime={lastMessage?.createdAt}>{formatShortWait(now - waitingSince)}</time>
            </span>
          )}
        </span>
        <span class="conversation-item__bottom">
          <MessagePreview message={lastMessage} agentId={agentId} />
          {unread > 0 && (
            <span class="unread">
              <span aria-hidden="true">{unread}</span>
              <span class="visually-hidden">{unread} unread</span>
            </span>
          )}
        </span>
      </span>
    </button>
  );
}
