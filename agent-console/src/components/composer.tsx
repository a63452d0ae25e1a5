/**
 * @module The reply box: Enter sends, Shift+Enter starts a new line. The text lives in the session's drafts,
 * so switching conversations and coming back finds it where the agent left it. `/shortcut` offers canned responses.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { draftOf } from '../state/console-store.ts';
import { useSession } from './session-context.ts';
import { CannedSuggestionList, useCannedSuggestions } from './canned-suggestions.tsx';

interface ComposerProps {
  conversationId: string;
  /** The conversation has ended: nothing can be sent any more. */
  disabled: boolean;
}

export function Composer({ conversationId, disabled }: ComposerProps) {
  const session = useSession();
  const draft = draftOf(session.store, conversationId);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const auth = session.store.auth.value;
  const canned = useCannedSuggestions(auth.status === 'signed-in' ? auth.agent.id : '', inputRef, (text) =>
    session.editDraft(conversationId, text),
  );

  // opening a conversation is a move to answer it
  useEffect(() => {
    if (!disabled) inputRef.current?.focus();
  }, [conversationId, disabled]);

  function submit(): void {
    setProblem(session.send(conversationId));
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="visually-hidden" for={inputId}>
        Message
      </label>
      <textarea
        ref={inputRef}
        id={inputId}
        class="composer__input"
        rows={3}
        value={draft}
        disabled={disabled}
        placeholder={disabled ? 'This conversation has ended.' : 'Write a reply. Enter sends, Shift+Enter adds a line.'}
        aria-describedby={problem ? problemId : undefined}
        aria-autocomplete="list"
        aria-controls={canned.open ? canned.listId : undefined}
        aria-activedescendant={canned.open ? canned.optionId(canned.active) : undefined}
        onBlur={canned.close}
        onInput={(event) => {
          setProblem(null);
          session.editDraft(conversationId, event.currentTarget.value);
          canned.onInput(event.currentTarget.value, event.currentTarget.selectionStart);
        }}
        onKeyDown={(event) => {
          if (canned.onKeyDown(event)) return;
          // isComposing: Enter that confirms an IME candidate must not send a half-typed message
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <CannedSuggestionList suggestions={canned} />
      <button type="submit" class="button button--primary" disabled={disabled}>
        Send
      </button>
      {problem && (
        <p id={problemId} class="composer__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
