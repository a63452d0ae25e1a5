/**
 * @module The open conversation: who it is with, its messages and private notes, the visitor's
 * typing, the reply box, and handing it on (transfer), closing and reopening. Ended conversations
 * stay readable with the reply box disabled.
 */
import { useState } from 'preact/hooks';
import { pendingIn } from '../state/outbox.ts';
import { originLabel, statusLabel, visitorLabel } from '../state/conversation-selectors.ts';
import { Composer } from './composer.tsx';
import { ConvertToTicket } from './convert-to-ticket.tsx';
import { MessageLog } from './message-log.tsx';
import { useSession } from './session-context.ts';
import { TransferDialog } from './transfer-dialog.tsx';

export function ConversationView({ conversationId, agentName }: { conversationId: string; agentName: string }) {
  const session = useSession();
  const { store } = session;
  const entry = store.data.value.mine.get(conversationId);
  const [busy, setBusy] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (!entry) {
    return <p class="pane__empty">This conversation is no longer assigned to you.</p>;
  }
  const { conversation } = entry;
  const origin = originLabel(entry.origin, store.data.value.agentId);
  const closed = conversation.status === 'closed';

  const act = (work: () => Promise<string | null | void>) => {
    setBusy(true);
    setProblem(null);
    void work()
      .then((failure) => setProblem(failure ?? null))
      .finally(() => setBusy(false));
  };

  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <header class="conversation__header">
        <div>
          <h2 id="conversation-title" class="conversation__title">
            {visitorLabel(conversation)}
          </h2>
          <span class={`status status--${conversation.status}`}>{statusLabel(conversation)}</span>
          {origin && <p class="conversation__origin">{origin}</p>}
        </div>
        <div class="conversation__actions">
          {closed ? (
            <button
              type="button"
              class="button button--quiet"
              disabled={busy}
              onClick={() => act(() => session.reopen(conversationId))}
            >
              Reopen conversation
            </button>
          ) : (
            <>
              <button type="button" class="button button--quiet" disabled={busy} onClick={() => setTransferring(true)}>
                Transfer
              </button>
              <button
                type="button"
                class="button button--quiet"
                aria-keyshortcuts="Alt+X"
                disabled={busy}
                onClick={() => act(() => session.close(conversationId))}
              >
                Close conversation
              </button>
            </>
          )}
        </div>
      </header>
      {/* any conversation the agent holds, an ended one too: the visitor may still want an answer */}
      {conversation.status !== 'queued' && <ConvertToTicket conversation={conversation} />}
      {problem && (
        <p class="conversation__problem" role="alert">
          {problem}
        </p>
      )}
      <MessageLog entry={entry} pending={pendingIn(store.outbox.value, conversationId)} agentName={agentName} />
      <p class="typing" aria-live="polite">
        {entry.visitorTyping ? 'Visitor is typing…' : ''}
      </p>
      {closed && (
        <p class="ended" role="status">
          {conversation.closedBy === 'visitor'
            ? 'The visitor ended this conversation.'
            : 'This conversation has ended.'}
        </p>
      )}
      <Composer conversationId={conversationId} disabled={closed} />
      {transferring && <TransferDialog conversationId={conversationId} onClose={() => setTransferring(false)} />}
    </section>
  );
}
