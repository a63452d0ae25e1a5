/**
 * @module The rules of rich content both ends apply, without zod (the widget's chunk imports them):
 * the plain-text fallback a message body carries, which message answers an offer, and the check of
 * a form answer. The server's check is the one that counts; clients run the same one to help early.
 */
import type { FormContent, RichContent } from './rich-content.ts';

/** The longest value one form field takes. */
export const RICH_TEXT_FIELD_MAX = 500;

/** One filled field of a form answer, with the label the field had. */
export interface FormValue {
  fieldId: string;
  label: string;
  value: string;
}

export interface FormCheck {
  /** The filled fields, trimmed, in the form's order; empty optional fields are left out. */
  values: FormValue[];
  /** Why the answer is refused, per field (`values.<fieldId>`); empty: accepted. */
  issues: Array<{ path: string; message: string }>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const PHONE = /^\+?[\d\s().-]+$/;

/** Checks a visitor's form values against the form as stored (never the client's copy of it). */
export function checkFormValues(form: FormContent, values: Readonly<Record<string, string>>): FormCheck {
  const check: FormCheck = { values: [], issues: [] };
  const known = new Set(form.fields.map((field) => field.id));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) check.issues.push({ path: `values.${key}`, message: 'this form has no such field' });
  }
  for (const field of form.fields) {
    const value = (values[field.id] ?? '').trim();
    const issue = (message: string) => check.issues.push({ path: `values.${field.id}`, message });
    if (value === '') {
      if (field.required) issue(`${field.label} is required`);
      continue;
    }
    const max = field.kind === 'text' ? (field.maxLength ?? 200) : 254;
    if (value.length > max) issue(`${field.label}: at most ${max} characters`);
    else if (field.kind === 'email' && !EMAIL.test(value)) issue(`${field.label}: enter an email address`);
    else if (field.kind === 'number' && !NUMBER.test(value)) issue(`${field.label}: enter a number`);
    else if (field.kind === 'phone' && !(PHONE.test(value) && value.replace(/\D/g, '').length >= 5))
      issue(`${field.label}: enter a phone number`);
    check.values.push({ fieldId: field.id, label: field.label, value });
  }
  if (check.issues.length === 0 && check.values.length === 0)
    check.issues.push({ path: 'values', message: 'fill in at least one field' });
  return check;
}

/** The plain text a message with this content carries as its body when the sender wrote none. */
export function richFallback(content: RichContent): string {
  switch (content.type) {
    case 'quick_replies':
      return content.options.map((option) => option.label).join(' / ');
    case 'card':
      return [content.title, content.text, ...content.buttons.map((b) => `${b.label}: ${b.url}`)]
        .filter(Boolean)
        .join('\n');
    case 'form':
      return content.title ?? content.fields.map((field) => field.label).join(', ');
    case 'articles':
      return content.articles.map((article) => `${article.title}: ${article.url}`).join('\n');
    case 'quick_reply_choice':
      return content.label;
    case 'form_answer':
      return content.values.map((v) => `${v.label}: ${v.value}`).join('\n');
  }
}

interface ContentMessage {
  readonly content?: RichContent | null;
}

/** The message answering offer `messageId` (a choice or a form answer), if the list holds one. */
export function answerOf<M extends ContentMessage>(messages: readonly M[], messageId: string): M | undefined {
  return messages.find((message) => {
    const content = message.content;
    return (
      (content?.type === 'quick_reply_choice' || content?.type === 'form_answer') && content.messageId === messageId
    );
  });
}
