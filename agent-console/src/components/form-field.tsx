/**
 * @module Labelled form controls with their error message wired to the control (aria-invalid,
 * aria-describedby), so a refused save says what to fix next to where it is fixed.
 */

import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return ids === '' ? undefined : ids;
}

function FieldNotes({
  hintId,
  errorId,
  hint,
  error,
}: {
  hintId: string;
  errorId: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <span id={hintId} class="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} class="field__error">
          {error}
        </span>
      )}
    </>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'number' | 'time';
    value: string;
    onInput: (value: string) => void;
    required?: boolean;
    autoComplete?: string;
    min?: number;
    max?: number;
    list?: string;
  },
) {
  const id = useId();
  const { label, name, error, hint, type = 'text', value, onInput, ...rest } = props;
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="field__input"
        name={name}
        type={type}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        onInput={(event) => onInput(event.currentTarget.value)}
        {...rest}
      />
      <FieldNotes hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField(
  props: FieldProps & { value: string; onInput: (value: string) => void; rows?: number; readOnly?: boolean },
) {
  const id = useId();
  const { label, name, error, hint, value, onInput, rows = 3, readOnly } = props;
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <textarea
        id={id}
        class="field__input"
        name={name}
        rows={rows}
        value={value}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldNotes hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & { value: V; options: ReadonlyArray<readonly [V, string]>; onChange: (value: V) => void },
) {
  const id = useId();
  const { label, name, error, hint, value, options, onChange } = props;
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <select
        id={id}
        class="field__input"
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-error`, hint, error)}
        onChange={(event) => {
          const chosen = options.find(([option]) => option === event.currentTarget.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
      <FieldNotes hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({
  label,
  name,
  checked,
  onChange,
  hint,
}: {
  label: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div class="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} class="field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** A form-level outcome: errors interrupt (alert), successes are announced politely (status). */
export function FormMessage({ error, success }: { error: string | null; success?: string | null }) {
  if (error) {
    return (
      <p class="alert" role="alert">
        {error}
      </p>
    );
  }
  return (
    <p class="form-status" role="status">
      {success ?? ''}
    </p>
  );
}
