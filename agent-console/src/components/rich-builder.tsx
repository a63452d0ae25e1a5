/**
 * @module "Insert" in the composer (and "Rich content" on a canned response): a compact dialog that
 * builds quick replies, a card, a short form or article links. The shared schema checks the result
 * before it goes anywhere; what is wrong is said in words next to the action.
 */
import { useState } from 'preact/hooks';
import type { OfferContent } from '@parley/shared';
import {
  RICH_KINDS,
  contentFrom,
  draftFrom,
  emptyDraft,
  type FieldDraft,
  type FieldKind,
  type RichDraft,
} from '../state/rich-draft.ts';
import { Dialog } from './dialog.tsx';
import { SelectField, TextAreaField, TextField } from './form-field.tsx';

const FIELD_KINDS: ReadonlyArray<readonly [FieldKind, string]> = [
  ['text', 'Text'],
  ['email', 'Email'],
  ['number', 'Number'],
  ['phone', 'Phone'],
];

interface RichBuilderProps {
  /** Content to start from (a canned response's), else an empty set of quick replies. */
  initial?: OfferContent | null;
  /** The primary button: "Send" in the composer, "Use" on a canned response. */
  action: string;
  /** Said under the title: what else goes with it. */
  lead?: string;
  onDone: (content: OfferContent) => void;
  onClose: () => void;
}

export function RichBuilder({ initial, action, lead, onDone, onClose }: RichBuilderProps) {
  const [draft, setDraft] = useState<RichDraft>(() => (initial ? draftFrom(initial) : emptyDraft()));
  const [problem, setProblem] = useState<string | null>(null);
  const change = (patch: Partial<RichDraft>) => {
    setProblem(null);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const setField = (index: number, patch: Partial<FieldDraft>) =>
    change({ fields: draft.fields.map((field, i) => (i === index ? { ...field, ...patch } : field)) });

  return (
    <Dialog title="Insert rich content" onClose={onClose}>
      {lead && <p class="dialog__lead">{lead}</p>}
      <form
        class="dialog__form rich-builder"
        onSubmit={(event) => {
          event.preventDefault();
          // never the form this dialog was opened from (a canned response's): only this one
          event.stopPropagation();
          const result = contentFrom(draft);
          if (result.ok) onDone(result.content);
          else setProblem(result.problem);
        }}
      >
        <fieldset class="rich-builder__kinds">
          <legend class="field__label">Kind</legend>
          {RICH_KINDS.map(({ kind, label }) => (
            <label key={kind} class="rich-builder__kind">
              <input
                type="radio"
                name="rich-kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => change({ kind })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {draft.kind === 'quick_replies' && (
          <TextAreaField
            label="Choices"
            name="choices"
            hint="One a line, up to 10. The visitor's choice comes back as their message."
            rows={4}
            value={draft.choices}
            onInput={(choices) => change({ choices })}
          />
        )}
        {draft.kind === 'card' && (
          <>
            <TextField label="Title" name="title" value={draft.title} onInput={(title) => change({ title })} />
            <TextAreaField label="Text" name="text" rows={2} value={draft.text} onInput={(text) => change({ text })} />
            <TextField
              label="Image link"
              name="imageUrl"
              hint="Optional, https only."
              value={draft.imageUrl}
              onInput={(imageUrl) => change({ imageUrl })}
            />
            <TextField
              label="Image description"
              name="imageAlt"
              hint="What the image shows, for visitors who cannot see it."
              value={draft.imageAlt}
              onInput={(imageAlt) => change({ imageAlt })}
            />
            <TextAreaField
              label="Link buttons"
              name="links"
              hint="One a line, up to 3: the label, then the https link."
              rows={2}
              value={draft.links}
              onInput={(links) => change({ links })}
            />
          </>
        )}
        {draft.kind === 'form' && (
          <>
            <TextField label="Title" name="title" value={draft.title} onInput={(title) => change({ title })} />
            <ol class="rich-builder__fields">
              {draft.fields.map((field, index) => (
                <li key={index} class="rich-builder__field">
                  <TextField
                    label={`Field ${index + 1} label`}
                    name={`field-${index}`}
                    value={field.label}
                    onInput={(label) => setField(index, { label })}
                  />
                  <SelectField
                    label="Accepts"
                    name={`field-${index}-kind`}
                    value={field.kind}
                    options={FIELD_KINDS}
                    onChange={(kind) => setField(index, { kind })}
                  />
                  <label class="rich-builder__required">
                    <input
                      type="checkbox"
                      checked={field.required}
                      onChange={(event) => setField(index, { required: event.currentTarget.checked })}
                    />{' '}
                    Required
                  </label>
                  {draft.fields.length > 1 && (
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Remove field ${index + 1}`}
                      onClick={() => change({ fields: draft.fields.filter((_, i) => i !== index) })}
                    >
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {draft.fields.length < 5 && (
              <button
                type="button"
                class="button button--quiet button--small rich-builder__add"
                onClick={() => change({ fields: [...draft.fields, { label: '', kind: 'text', required: false }] })}
              >
                Add field
              </button>
            )}
          </>
        )}
        {draft.kind === 'articles' && (
          <TextAreaField
            label="Articles"
            name="articles"
            hint="One a line, up to 5: the title, then the link."
            rows={4}
            value={draft.articles}
            onInput={(articles) => change({ articles })}
          />
        )}
        {problem && (
          <p class="alert" role="alert">
            {problem}
          </p>
        )}
        <div class="dialog__actions">
          <button type="button" class="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="button button--primary">
            {action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
