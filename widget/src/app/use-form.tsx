/**
 * @module What every widget form shares: labelled fields with their errors in the visitor's
 * language (the browser's own validation bubbles would speak the browser's), focus on the first
 * field to fix, and a submit that waits for the server and says when it did not go through.
 */
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { useStrings } from './strings-context.ts';

export interface FieldSpec {
  name: string;
  label: string;
  required?: boolean;
  /** An email field: `type="email"` and checked like the server checks it. */
  email?: boolean;
  multiline?: boolean;
  /** A line under the label saying what the field is for. */
  hint?: string;
}

export type Values = Record<string, string>;

// the server's EmailSchema: anything a mail server accepts, single-label hosts included
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const fieldId = (name: string): string => `parley-${name}`;

/**
 * `action` gets the trimmed values once every field is valid; it resolves true when done, false
 * when the visitor should try again.
 */
export function useForm(
  specs: readonly FieldSpec[],
  action: (values: Values) => Promise<boolean> | boolean,
  initial: Values = {},
) {
  const t = useStrings();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Values>({});
  const [status, setStatus] = useState<'idle' | 'busy' | 'failed' | 'done'>('idle');
  const form = useRef<HTMLFormElement>(null);
  const set = (name: string, value: string): void => setValues((current) => ({ ...current, [name]: value }));

  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (status === 'busy') return;
    const clean: Values = {};
    const found: Values = {};
    for (const { name, required, email } of specs) {
      const value = (clean[name] = (values[name] ?? '').trim());
      if (required && !value) found[name] = t.required;
      else if (email && value && !EMAIL.test(value)) found[name] = t.badEmail;
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      form.current?.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
      return;
    }
    setStatus('busy');
    setStatus((await action(clean)) ? 'done' : 'failed');
  };

  const field = ({ name, label, required, email, multiline, hint }: FieldSpec): JSX.Element => {
    const id = fieldId(name);
    const error = errors[name];
    const input = {
      id,
      name,
      value: values[name] ?? '',
      required,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': [hint && `${id}-h`, error && `${id}-e`].filter(Boolean).join(' ') || undefined,
      // the visitor's own language, whichever way the widget's runs
      dir: 'auto' as const,
      onInput: (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set(name, event.currentTarget.value),
    };
    return (
      <div class="field" key={name}>
        <label for={id}>
          {label}
          {/* the required attribute tells assistive technology; the star is for the eye */}
          {required && <span aria-hidden="true"> *</span>}
        </label>
        {hint && (
          <span id={`${id}-h`} class="hint">
            {hint}
          </span>
        )}
        {multiline ? (
          <textarea rows={3} {...input} />
        ) : (
          <input type={email ? 'email' : 'text'} autocomplete={email ? 'email' : name} {...input} />
        )}
        {error && (
          <span id={`${id}-e`} class="error">
            {error}
          </span>
        )}
      </div>
    );
  };

  /** The form's button: full width, the accent's (primary) unless `secondary`. */
  const submit = (label: string, secondary = false): JSX.Element => (
    <>
      {status === 'failed' && (
        <p class="error" role="alert">
          {t.tryAgain}
        </p>
      )}
      <button type="submit" class={secondary ? 'send secondary' : 'send'} disabled={status === 'busy'}>
        {label}
      </button>
    </>
  );

  return { form, onSubmit, field, submit, status, values, errors, set };
}
