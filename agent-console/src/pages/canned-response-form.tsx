/**
 * @module A canned response's shortcut, text and optional rich content (quick replies, a card, a
 * form or article links, built in the composer's Insert dialog), for adding one or editing it in place.
 */
import { useState } from 'preact/hooks';
import type { CannedResponse, CannedResponseRequest, OfferContent } from '@parley/shared';
import { richFallback } from '@parley/shared/rich-answers';
import { ApiError } from '../api/rest-client.ts';
import { FormMessage, TextAreaField, TextField } from '../components/form-field.tsx';
import { RichBuilder } from '../components/rich-builder.tsx';
import { RICH_KINDS } from '../state/rich-draft.ts';

export function CannedResponseForm(props: {
  initial?: CannedResponse;
  submitLabel: string;
  onSubmit: (request: CannedResponseRequest) => Promise<void>;
  onCancel?: () => void;
}) {
  const [shortcut, setShortcut] = useState(props.initial?.shortcut ?? '');
  const [body, setBody] = useState(props.initial?.body ?? '');
  const [content, setContent] = useState<OfferContent | null>(props.initial?.content ?? null);
  const [building, setBuilding] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <>
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
            .onSubmit({ shortcut: shortcut.replace(/^\//, ''), body, content })
            .then(() => {
              if (!props.initial) {
                setShortcut('');
                setBody('');
                setContent(null);
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
        <div class="canned-form__rich">
          <span class="field__label">Rich content</span>
          <span class="muted">
            {content
              ? `${RICH_KINDS.find((k) => k.kind === content.type)?.label ?? ''}: ${richFallback(content).split('\n')[0] ?? ''}`
              : 'None'}
          </span>
          <button type="button" class="button button--quiet button--small" onClick={() => setBuilding(true)}>
            {content ? 'Edit rich content' : 'Add rich content'}
          </button>
          {content && (
            <button type="button" class="button button--quiet button--small" onClick={() => setContent(null)}>
              Remove rich content
            </button>
          )}
        </div>
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
      {building && (
        <RichBuilder
          initial={content}
          action="Use"
          lead="Inserted with this response's text: the agent can still change it before sending."
          onClose={() => setBuilding(false)}
          onDone={(built) => {
            setContent(built);
            setBuilding(false);
          }}
        />
      )}
    </>
  );
}
