/**
 * @module "My conversations" and, below them, the ones the agent closed lately (kept across reloads, to
 * read again or reopen): one button per conversation with the visitor, the latest message, unread
 * visitor messages and the status. The latest message text is inside the button, so it can be found by it.
 */
import type { ConversationEntry } from '../state/conversations.ts';
import { listOrder, statusLabel, unreadCount, visitorLabel } from '../state/conversation-selectors.ts';
import { MessagePreview } from './message-preview.tsx';
import { useSession } from './session-context.ts';

export function ConversationList() {
  const session = useSession();
  const { store } = session;
  const entries = listOrder(store.data.value);
  const open = entries.filter((entry) => entry.conversation.status !== 'closed');
  const closed = entries.filter((entry) => entry.conversation.status === 'closed');
  const selectedId = store.selectedId.value;
  const items = (list: ConversationEntry[]) => (
    <ul class="conversation-list">
      {list.map((entry) => (
        <li key={entry.conversation.id}>
          <ConversationItem
            entry={entry}
            selected={entry.conversation.id === selectedId}
            agentId={store.data.value.agentId}
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
          <p class="sidebar__empty">No open conversations. Waiting visitors are assigned to you automatically.</p>
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
  onSelect: () => void;
}

function ConversationItem({ entry, selected, agentId, onSelect }: ConversationItemProps) {
  const { conversation } = entry;
  const unread = unreadCount(entry);
  return (
    <button
      type="button"
      class={`conversation-item${selected ? ' conversation-item--selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      <span class="conversation-item__top">
        <span class="conversation-item__name">{visitorLabel(conversation)}</span>
        <span class={`status status--${conversation.status}`}>{statusLabel(conversation)}</span>
      </span>
      <span class="conversation-item__bottom">
        <MessagePreview message={entry.lastMessage} agentId={agentId} />
        {unread > 0 && (
          <span class="unread">
            <span aria-hidden="true">{unread}</span>
            <span class="visually-hidden">{unread} unread</span>
          </span>
        )}
      </span>
    </button>
  );
}
