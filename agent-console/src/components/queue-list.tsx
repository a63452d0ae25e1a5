/**
 * @module "Queue": visitors waiting for an agent, oldest first, with a live wait time and their latest
 * message. Read-only: the server hands queued conversations to agents with free capacity.
 */
import { visitorLabel } from '../state/conversation-selectors.ts';
import { MessagePreview } from './message-preview.tsx';
import { useSession } from './session-context.ts';
import { formatWaitTime, useNow } from './wait-time.ts';

export function QueueList() {
  const session = useSession();
  const queue = session.store.data.value.queue;
  const now = useNow(session.now);

  return (
    <section class="sidebar__section" aria-labelledby="queue-title">
      <div class="sidebar__heading">
        <h2 id="queue-title" class="sidebar__title">
          Queue
        </h2>
        <span class="sidebar__count">{queue.length} waiting</span>
      </div>
      {queue.length === 0 ? (
        <p class="sidebar__empty">Nobody is waiting.</p>
      ) : (
        <ul class="queue-list">
          {queue.map((waiting) => {
            const since = Date.parse(waiting.createdAt);
            return (
              <li key={waiting.id} class="queue-item">
                <span class="queue-item__top">
                  <span class="queue-item__name">{visitorLabel(waiting)}</span>
                  <span class="queue-item__wait">
                    waiting{' '}
                    <time dateTime={waiting.createdAt}>{Number.isNaN(since) ? '–' : formatWaitTime(now - since)}</time>
                  </span>
                </span>
                <MessagePreview message={waiting.lastMessage} agentId={null} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
