/**
 * @module The open conversation: who it is with, its messages, the visitor's typing, the reply box and
 * closing. Ended conversations stay readable with the reply box disabled.
 */
import { useState } from 'preact/hooks';
import { pendingIn } from '../state/outbox.ts';
import { statusLabel, visitorLabel } from '../state/conversation-selectors.ts';
import { Composer } from './composer.tsx';
import { MessageLog } from './message-log.tsx';
import { useSession } from './session-context.ts';

export function ConversationView({ conversationId, agentName }: { conversationId: string; agentName: string }) {
  const session = useSession();
  const { store } = session;
  const entry = store.data.value.mine.get(conversationId);
  const [closing, setClosing] = useState(false);

  if (!entry) {
    return <p class="pane__empty">This conversation is no longer assigned to you.</p>;
  }
  const { conversation } = entry;
  const closed = conversation.status === 'closed';

  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <header class="conversation__header">
        <div>
          <h2 id="conversation-title" class="conversation__title">
            {visitorLabel(conversation)}
          </h2>
          <span class={`status status--${conversation.status}`}>{statusLabel(conversation)}</span>
        </div>
        {!closed && (
          <button
            type="button"
            class="button button--quiet"
            disabled={closing}
            onClick={() => {
              setClosing(true);
              void session.close(conversationId).finally(() => setClosing(false));
            }}
          >
            Close conversation
          </button>
        )}
      </header>
      <MessageLog entry={entry} pending={pendingIn(store.outbox.value, conversationId)} agentName={agentName} />
      <p class="typing" aria-live="polite">
        {entry.visitorTyping ? 'Visitor is typing…' : ''}
      </p>
      {closed && (
        <p class="ended" role="status">
          {conversation.closedBy === 'visitor' ? 'The visitor ended this conversation.' : 'This conversation has ended.'}
        </p>
      )}
      <Composer conversationId={conversationId} disabled={closed} />
    </section>
  );
}
