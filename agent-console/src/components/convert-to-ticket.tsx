/**
 * @module "Convert to ticket" for a live or ended chat: the conversation continues by email. Asks
 * for the visitor's address only when they have not given one.
 */
import { useState } from 'preact/hooks';
import type { Conversation } from '@parley/shared';
import { ROUTES } from '../routes.ts';
import { TextField } from './form-field.tsx';
import { useSession } from './session-context.ts';

export function ConvertToTicket({ conversation }: { conversation: Conversation }) {
  const { tickets } = useSession();
  const [asking, setAsking] = useState(false);
  const [email, setEmail] = useState(conversation.visitorEmail ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const convert = () => {
    setBusy(true);
    setProblem(null);
    const address = email.trim();
    tickets
      .convert({
        conversationId: conversation.id,
        ...(address !== '' && address !== conversation.visitorEmail ? { email: address } : {}),
      })
      // on success the conversation:updated push (status offline) swaps this for the "continues by email" line
      .then(
        () => setAsking(false),
        (error: unknown) => setProblem(error instanceof Error ? error.message : 'Could not convert it.'),
      )
      .finally(() => setBusy(false));
  };

  if (conversation.status === 'offline') {
    return (
      <p class="convert-ticket muted" role="status">
        This conversation continues by email as a ticket. <a href={ROUTES.tickets}>Open Tickets</a>
      </p>
    );
  }

  return (
    <div class="convert-ticket">
      {asking ? (
        <form
          class="convert-ticket__form"
          onSubmit={(event) => {
            event.preventDefault();
            convert();
          }}
        >
          <TextField
            label="Visitor's email"
            name="ticket-email"
            type="email"
            required
            value={email}
            onInput={setEmail}
          />
          <button type="submit" class="button button--primary" disabled={busy}>
            Convert
          </button>
          <button type="button" class="button button--quiet" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          class="button button--quiet button--small"
          disabled={busy}
          onClick={() => (conversation.visitorEmail ? convert() : setAsking(true))}
        >
          Convert to ticket
        </button>
      )}
      {problem && (
        <p role="alert" class="conversation__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
