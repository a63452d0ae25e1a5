/**
 * @module Being answered by email. "Leave a message" while no agent is online (offered next to
 * waiting in the queue): an email to answer to and the message; it starts an offline conversation
 * on the server, and the panel then shows the message and a confirmation. With `queued`, "answer me
 * by email instead" for a visitor waiting in the queue (offered by a link, shown unasked once the
 * wait passed the site's maximum): only the email, prefilled when known, since the chat so far is
 * the message.
 */
import { useEffect } from 'preact/hooks';
import type { JSX } from 'preact';
import { useStrings } from './strings-context.ts';
import { useForm, type FieldSpec } from './use-form.tsx';

export interface OfflineFormProps {
  /** What the visitor had started writing in the message box. */
  draft?: string;
  /** The queued chat is to be answered by email; the address already known, if any. */
  queued?: { email: string | null };
  /** Resolves false when the message is not known to be stored. */
  onLeave: (message: { email: string; body: string }) => Promise<boolean>;
}

export function OfflineForm({ draft = '', queued, onLeave }: OfflineFormProps): JSX.Element {
  const t = useStrings();
  const specs: FieldSpec[] = [{ name: 'email', label: t.email, required: true, email: true }];
  if (!queued) specs.push({ name: 'message', label: t.message, required: true, multiline: true });
  const form = useForm(specs, ({ email = '', message = '' }) => onLeave({ email, body: message }), {
    message: draft,
    email: queued?.email ?? '',
  });
  // it replaces the button that asked for it: focus would otherwise fall back to the page
  useEffect(() => form.form.current?.querySelector('input')?.focus(), []);
  return (
    <form class="form" ref={form.form} onSubmit={form.onSubmit} noValidate>
      <p>{t.offline}</p>
      {specs.map(form.field)}
      {form.submit(queued ? t.emailInstead : t.leaveMessage)}
    </form>
  );
}
