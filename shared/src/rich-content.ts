/**
 * @module Rich message content: what a message may carry beyond its text. Agents (and later bots)
 * offer quick replies, a card, a short form or article links; a visitor's quick-reply choice or form
 * answer is stored as a visitor message whose content points at the offer. The body stays a plain-text
 * fallback (email, notifications, old clients). Every length is bounded and every link is checked
 * here, so a client never has to trust what it renders.
 */
import { z } from 'zod';
import { RICH_TEXT_FIELD_MAX } from './rich-answers.ts';

/** A message id (models.ts has the same rule; imported from there, it would make an import cycle). */
const IdSchema = z.string().min(1).max(64);
/** A choice's or field's id: short and plain, chosen by the sender, unique within its message. */
const KeySchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
/** Links a visitor may open: https only on cards (images load in the visitor's page). */
const HttpsUrlSchema = z.url({ protocol: /^https$/, message: 'must be an https URL' }).max(2048);
/** Article links may point at a help center served over plain http (an intranet, a test server). */
const HttpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048);

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((item) => item.id)).size === items.length;
}

export const QuickReplyOptionSchema = z.object({ id: KeySchema, label: text(80) });
export const QuickRepliesContentSchema = z.object({
  type: z.literal('quick_replies'),
  options: z
    .array(QuickReplyOptionSchema)
    .min(1, 'add at least one choice')
    .max(10, 'at most 10 choices')
    .refine(uniqueIds, 'choice ids must be unique'),
});

export const CardButtonSchema = z.object({ label: text(40), url: HttpsUrlSchema });
export const CardContentSchema = z.object({
  type: z.literal('card'),
  title: text(120),
  text: z.string().trim().max(1000, 'at most 1000 characters').optional(),
  imageUrl: HttpsUrlSchema.optional(),
  /** The image's text alternative; empty means decorative. */
  imageAlt: z.string().trim().max(200).optional(),
  buttons: z.array(CardButtonSchema).max(3, 'at most 3 buttons'),
});

/** What a form field accepts; the server checks the answer (rich-answers.ts), the widget only helps. */
export const FormFieldKindSchema = z.enum(['text', 'email', 'number', 'phone']);
export const FormFieldSchema = z.object({
  id: KeySchema,
  label: text(80),
  kind: FormFieldKindSchema,
  required: z.boolean(),
  /** For text fields: the longest answer accepted (at most RICH_TEXT_FIELD_MAX). */
  maxLength: z.number().int().min(1).max(RICH_TEXT_FIELD_MAX).optional(),
});
export const FormContentSchema = z.object({
  type: z.literal('form'),
  title: text(120).optional(),
  fields: z
    .array(FormFieldSchema)
    .min(1, 'at least one field')
    .max(5, 'at most 5 fields')
    .refine(uniqueIds, 'field ids must be unique'),
  submitLabel: text(40).optional(),
});

export const ArticleLinkSchema = z.object({
  title: text(160),
  summary: z.string().trim().max(300, 'at most 300 characters').optional(),
  url: HttpUrlSchema,
});
export const ArticlesContentSchema = z.object({
  type: z.literal('articles'),
  articles: z.array(ArticleLinkSchema).min(1, 'at least one article').max(5, 'at most 5 articles'),
});

/** The visitor's quick-reply choice, as the server stored it (label copied from the offer, not the client). */
export const QuickReplyChoiceContentSchema = z.object({
  type: z.literal('quick_reply_choice'),
  messageId: IdSchema,
  optionId: KeySchema,
  label: z.string(),
});
/** The visitor's form answer, as the server stored it: each filled field with the label it had. */
export const FormAnswerContentSchema = z.object({
  type: z.literal('form_answer'),
  messageId: IdSchema,
  values: z.array(z.object({ fieldId: KeySchema, label: z.string(), value: z.string() })),
});

/** What an agent (or a bot) may send: the four offers. */
export const OfferContentSchema = z.discriminatedUnion('type', [
  QuickRepliesContentSchema,
  CardContentSchema,
  FormContentSchema,
  ArticlesContentSchema,
]);
export type OfferContent = z.infer<typeof OfferContentSchema>;

/** A message's content: an offer, or a visitor's answer to one. */
export const RichContentSchema = z.discriminatedUnion('type', [
  QuickRepliesContentSchema,
  CardContentSchema,
  FormContentSchema,
  ArticlesContentSchema,
  QuickReplyChoiceContentSchema,
  FormAnswerContentSchema,
]);
export type RichContent = z.infer<typeof RichContentSchema>;
export type QuickRepliesContent = z.infer<typeof QuickRepliesContentSchema>;
export type CardContent = z.infer<typeof CardContentSchema>;
export type FormContent = z.infer<typeof FormContentSchema>;
export type FormField = z.infer<typeof FormFieldSchema>;
export type ArticlesContent = z.infer<typeof ArticlesContentSchema>;

/**
 * What the visitor sends with message:send to answer an offer: which message, and the choice or the
 * field values. The server reads the offer from its own store and checks the answer against it.
 */
export const RichAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quick_reply'), messageId: IdSchema, optionId: KeySchema }),
  z.object({
    type: z.literal('form'),
    messageId: IdSchema,
    values: z
      .record(KeySchema, z.string().max(RICH_TEXT_FIELD_MAX))
      .refine((values) => Object.keys(values).length <= 5, 'at most 5 values'),
  }),
]);
export type RichAnswer = z.infer<typeof RichAnswerSchema>;
