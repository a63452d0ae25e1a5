/**
 * @module The open conversation: who it is with, its messages and private notes, the visitor's
 * typing, the reply box, and handing it on (transfer), closing and reopening. Ended conversations
 * stay readable with the reply box disabled.
 */
import { useState } from 'preact/hooks';
import { pendingIn } from '../state/outbox.ts';
import { originLabel, statusLabel, visitorLabel } from '../state/conversation-selectors.ts';
import { closeAndMoveOn } from './close-and-move-on.ts';
import { Composer } from './composer.tsx';
import { ConvertToTicket } from './convert-to-ticket.tsx';
import { MessageLog } from './message-log.tsx';
import { useSession } from './session-context.ts';
import { TransferDialog } from './transfer-dialog.tsx';

interface ConversationViewProps {
  conversationId: string;
  agentName: string;
  /** Whether the visitor panel is showing, and how to show or hide it. */
  panelOpen?: boolean;
  onTogglePanel?: () => void;
}

export function ConversationView({ conversationId, agentName, panelOpen, onTogglePanel }: ConversationViewProps) {
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
        <div class="conversation__who">
          <span class="avatar avatar--visitor" aria-hidden="true">
            {visitorInitials(visitorLabel(conversation))}
          </span>
          <div class="conversation__heading">
            <h2 id="conversation-title" class="conversation__title">
              {visitorLabel(conversation)}
            </h2>
            <p class="conversation__meta">
              <span class={`status status--${conversation.status}`}>{statusLabel(conversation)}</span>
              {origin && <span class="conversation__origin">{origin}</span>}
            </p>
          </div>
        </div>
        <div class="conversation__actions">
          {/* any conversation the agent holds, an ended one too: the visitor may still want an answer */}
          {conversation.status !== 'queued' && conversation.status !== 'offline' && (
            <ConvertToTicket conversation={conversation} />
          )}
          {closed ? (
            <button
              type="button"
              class="button button--quiet button--small"
              disabled={busy}
              onClick={() => act(() => session.reopen(conversationId))}
            >
              Reopen conversation
            </button>
          ) : (
            <>
              <button
                type="button"
                class="button button--quiet button--small"
                disabled={busy}
                onClick={() => setTransferring(true)}
              >
                Transfer
              </button>
              <button
                type="button"
                class="button button--quiet button--small"
                aria-keyshortcuts="Alt+X"
                disabled={busy}
                onClick={() => act(() => closeAndMoveOn(session, conversationId))}
              >
                Close conversation
              </button>
            </>
          )}
          {onTogglePanel && (
            <button
              type="button"
              class="button button--quiet button--small button--toggle"
              aria-expanded={panelOpen ?? false}
              aria-controls="visitor-panel"
              onClick={onTogglePanel}
            >
              Visitor details
            </button>
          )}
        </div>
      </header>
      {conversation.status === 'offline' && <ConvertToTicket conversation={conversation} />}
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
            : conversation.closedBy === 'bot'
              ? 'The answer bot resolved this conversation.'
              : 'This conversation has ended.'}
        </p>
      )}
      <Composer conversationId={conversationId} disabled={closed} />
      {transferring && <TransferDialog conversationId={conversationId} onClose={() => setTransferring(false)} />}
    </section>
  );
}

/** The first letter of a visitor's label, or "?" for a label without letters. */
function visitorInitials(label: string): string {
  const letter = [...label].find((character) => /\p{L}|\p{N}/u.test(character));
  return letter ? letter.toUpperCase() : '?';
}
