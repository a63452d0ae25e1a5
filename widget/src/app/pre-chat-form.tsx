/**
 * @module The site's pre-chat form: name, email and the first question, each required or optional
 * as the site is configured. Its answers identify the visitor with the message that starts the
 * chat; without a question field, they go with the first message written in the message box.
 */
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import type { PreChatField, VisitorContact } from '@parley/shared';
import { useStrings } from './strings-context.ts';
import { useForm, type FieldSpec } from './use-form.tsx';

export interface PreChatFormProps {
  fields: ReadonlyArray<{ field: PreChatField; required: boolean }>;
  onStart: (contact: VisitorContact, question: string) => void;
}

export function PreChatForm({ fields, onStart }: PreChatFormProps): JSX.Element {
  const t = useStrings();
  const labels = { name: t.name, email: t.email, message: t.question };
  const specs: FieldSpec[] = fields.map(({ field, required }) => ({
    name: field,
    label: labels[field],
    required,
    email: field === 'email',
    multiline: field === 'message',
  }));
  const form = useForm(specs, ({ name, email, message }) => {
    const contact: VisitorContact = {};
    if (name) contact.name = name;
    if (email) contact.email = email;
    onStart(contact, message ?? '');
    return true;
  });
  // it can replace the message box the panel opened with (once the session says the chat is new),
  // taking the focus with it: the first field gets it back
  useEffect(() => form.form.current?.querySelector<HTMLElement>('input,textarea')?.focus(), []);
  return (
    <form class="form" ref={form.form} onSubmit={form.onSubmit} noValidate>
      <p>{t.preChat}</p>
      {specs.map(form.field)}
      {form.submit(t.startChat)}
    </form>
  );
}
