/**
 * @module "My conversations": one button per conversation with the visitor, the latest message, unread
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
  const selectedId = store.selectedId.value;

  return (
    <section class="sidebar__section" aria-labelledby="mine-title">
      <h2 id="mine-title" class="sidebar__title">
        My conversations
      </h2>
      {entries.length === 0 ? (
        <p class="sidebar__empty">No open conversations. Waiting visitors are assigned to you automatically.</p>
      ) : (
        <ul class="conversation-list">
          {entries.map((entry) => (
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
      )}
    </section>
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
