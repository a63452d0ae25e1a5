/**
 * @module A canned response's shortcut and text, for adding one or editing it in place.
 */
import { useState } from 'preact/hooks';
import type { CannedResponse, CannedResponseRequest } from '@parley/shared';
import { ApiError } from '../api/rest-client.ts';
import { FormMessage, TextAreaField, TextField } from '../components/form-field.tsx';

export function CannedResponseForm(props: {
  initial?: CannedResponse;
  submitLabel: string;
  onSubmit: (request: CannedResponseRequest) => Promise<void>;
  onCancel?: () => void;
}) {
  const [shortcut, setShortcut] = useState(props.initial?.shortcut ?? '');
  const [body, setBody] = useState(props.initial?.body ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      class="admin-form canned-form"
      noValidate
      aria-label={props.initial ? `Edit /${props.initial.shortcut}` : props.submitLabel}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        // a leading slash is what people type in the composer; the shortcut itself has none
        props
          .onSubmit({ shortcut: shortcut.replace(/^\//, ''), body })
          .then(() => {
            if (!props.initial) {
              setShortcut('');
              setBody('');
            }
          })
          .catch((caught: unknown) =>
            setError(caught instanceof ApiError ? caught : new ApiError('internal', 'Saving failed.')),
          )
          .finally(() => setBusy(false));
      }}
    >
      <TextField
        label="Shortcut"
        name="shortcut"
        value={shortcut}
        onInput={setShortcut}
        error={error?.issueAt('shortcut')}
        hint="Typed after / in a reply, e.g. thanks"
      />
      <TextAreaField label="Text" name="body" value={body} onInput={setBody} error={error?.issueAt('body')} />
      <FormMessage error={error && error.issues.length === 0 ? error.message : null} />
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" class="button button--quiet" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
