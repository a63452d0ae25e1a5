/**
 * @module "Queue": visitors waiting for an agent, oldest first, with a live wait time and what they
 * first wrote (and the rule or invite that started it). On a site with manual routing an agent takes one with Accept; otherwise the server
 * hands them out as seats free up.
 */
import { useState } from 'preact/hooks';
import type { Agent, QueuedConversation } from '@parley/shared';
import { activeCount, originLabel, visitorLabel } from '../state/conversation-selectors.ts';
import { MessagePreview } from './message-preview.tsx';
import { useSession } from './session-context.ts';
import { formatWaitTime, useNow } from './wait-time.ts';

export function QueueList({ agent }: { agent: Agent }) {
  const session = useSession();
  const data = session.store.data.value;
  const queue = data.queue;
  const now = useNow(session.now);
  const [problem, setProblem] = useState<string | null>(null);
  const [accepting, setAccepting] = useState<string | null>(null);
  const blocked =
    data.status !== 'online'
      ? 'Set your status to Online to accept chats.'
      : activeCount(data) >= agent.capacity
        ? 'You are at capacity: close a chat to accept another.'
        : null;

  async function accept(waiting: QueuedConversation): Promise<void> {
    setAccepting(waiting.id);
    setProblem(await session.accept(waiting.id));
    setAccepting(null);
  }

  return (
    <section class="sidebar__section" aria-labelledby="queue-title">
      <div class="sidebar__heading">
        <h2 id="queue-title" class="sidebar__title">
          Queue
        </h2>
        <span class="sidebar__count">{queue.length} waiting</span>
      </div>
      {problem && (
        <p class="sidebar__problem" role="alert">
          {problem}
        </p>
      )}
      {queue.length === 0 ? (
        <p class="sidebar__empty">Nobody is waiting.</p>
      ) : (
        <ul class="queue-list">
          {queue.map((waiting) => {
            const since = Date.parse(waiting.createdAt);
            const name = visitorLabel(waiting);
            return (
              <li key={waiting.id} class="queue-item">
                <span class="queue-item__top">
                  <span class="queue-item__name">{name}</span>
                  <span class="queue-item__wait">
                    waiting{' '}
                    <time dateTime={waiting.createdAt}>{Number.isNaN(since) ? '–' : formatWaitTime(now - since)}</time>
                  </span>
                </span>
                <MessagePreview message={waiting.firstMessage ?? waiting.lastMessage} agentId={null} />
                {waiting.origin && <span class="queue-item__origin">{originLabel(waiting.origin, agent.id)}</span>}
                {waiting.routingMode === 'manual' && (
                  <button
                    type="button"
                    class="button button--primary queue-item__accept"
                    aria-label={`Accept chat with ${name}`}
                    title={blocked ?? undefined}
                    disabled={blocked !== null || accepting !== null}
                    onClick={() => void accept(waiting)}
                  >
                    Accept
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {blocked && queue.some((waiting) => waiting.routingMode === 'manual') && <p class="sidebar__empty">{blocked}</p>}
    </section>
  );
}
