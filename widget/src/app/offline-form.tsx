/**
 * @module "Leave a message" while no agent is online (offered next to waiting in the queue): an
 * email to answer to and the message. It starts an offline conversation on the server; the panel
 * then shows the message and a confirmation.
 */
import { useEffect } from 'preact/hooks';
import type { JSX } from 'preact';
import { useStrings } from './strings-context.ts';
import { useForm } from './use-form.tsx';

export interface OfflineFormProps {
  /** What the visitor had started writing in the message box. */
  draft?: string;
  /** Resolves false when the message is not known to be stored. */
  onLeave(message: { email: string; body: string }): Promise<boolean>;
}

export function OfflineForm({ draft = '', onLeave }: OfflineFormProps): JSX.Element {
  const t = useStrings();
  const specs = [
    { name: 'email', label: t.email, required: true, email: true },
    { name: 'message', label: t.message, required: true, multiline: true },
  ];
  const form = useForm(specs, ({ email = '', message = '' }) => onLeave({ email, body: message }), { message: draft });
  // it replaces the button that asked for it: focus would otherwise fall back to the page
  useEffect(() => form.form.current?.querySelector('input')?.focus(), []);
  return (
    <form class="form" ref={form.form} onSubmit={form.onSubmit} noValidate>
      <p>{t.offline}</p>
      {specs.map(form.field)}
      {form.submit(t.leaveMessage)}
    </form>
  );
}
