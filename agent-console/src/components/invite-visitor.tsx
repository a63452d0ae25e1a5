/**
 * @module The live visitors page's Invite: the agent writes a message that appears in the visitor's
 * widget as if a page rule had shown it; when the visitor answers, the chat starts with it.
 */
import { useState } from 'preact/hooks';
import { TextAreaField } from './form-field.tsx';
import { useSession } from './session-context.ts';

export function InviteVisitor({ visitorId, label }: { visitorId: string; label: string }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  if (!open) {
    return (
      <>
        <button
          type="button"
          class="button button--quiet"
          aria-label={`Invite ${label}`}
          onClick={() => (setOpen(true), setSent(false))}
        >
          Invite
        </button>
        <span role="status" class="muted">
          {sent ? ' Invitation shown.' : ''}
        </span>
      </>
    );
  }

  return (
    <form
      class="invite-form"
      aria-label={`Invite ${label}`}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setProblem(null);
        void session.invite(visitorId, message).then((failure) => {
          setBusy(false);
          setProblem(failure);
          if (failure === null) {
            setMessage('');
            setOpen(false);
            setSent(true);
          }
        });
      }}
    >
      <TextAreaField
        label="Message to show"
        name="invite-message"
        value={message}
        onInput={setMessage}
        rows={2}
        error={problem ?? undefined}
        hint="Appears in their chat window as from you; a reply starts the conversation."
      />
      <div class="invite-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Send invitation
        </button>
        <button type="button" class="button button--quiet" onClick={() => (setOpen(false), setProblem(null))}>
          Cancel
        </button>
      </div>
    </form>
  );
}
