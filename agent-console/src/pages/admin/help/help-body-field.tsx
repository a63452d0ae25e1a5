/**
 * @module Parts of the article editor: the Markdown box (a monospaced textarea with a one-line reminder
 * of the syntax; the editor keeps a ref to it to put uploaded pictures where the caret is) and the
 * question asked before unsaved changes are left behind.
 */
import type { RefObject } from 'preact';
import { useId } from 'preact/hooks';
import { Dialog } from '../../../components/dialog.tsx';

export function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  return (
    <Dialog title="Leave without saving?" onClose={onStay}>
      <p>Your changes to this article are not saved yet.</p>
      <div class="admin-form__actions">
        <button type="button" class="button button--quiet" onClick={onStay}>
          Keep editing
        </button>
        <button type="button" class="button button--primary" onClick={onLeave}>
          Discard changes
        </button>
      </div>
    </Dialog>
  );
}

export function BodyField(props: {
  value: string;
  error: string | undefined;
  inputRef: RefObject<HTMLTextAreaElement>;
  onInput: (value: string) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        Body (Markdown)
      </label>
      <textarea
        id={id}
        ref={props.inputRef}
        class="field__input help-editor__body"
        name="body"
        rows={16}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <span id={`${id}-hint`} class="field__hint">
        **bold**, _italic_, # Heading, - list, [link](https://…). HTML is shown as text.
      </span>
      {props.error && (
        <span id={`${id}-error`} class="field__error">
          {props.error}
        </span>
      )}
    </div>
  );
}
