/**
 * @module REST payloads of canned responses: shared ones (admins manage them, every agent uses them)
 * and personal ones (each agent's own). Agents insert them in the composer by typing `/shortcut`.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, MessageBodySchema } from './models.ts';
import { OfferContentSchema } from './rich-content.ts';

/** What follows the slash: lower-case letters, digits, _ and -, so it is typed without thinking. */
const ShortcutSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(32)
  .transform((v) => v.toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9_-]+$/, 'letters, digits, _ and - only (no spaces, no slash)'));

export const CannedScopeSchema = z.enum(['shared', 'personal']);
export type CannedScope = z.infer<typeof CannedScopeSchema>;

export const CannedResponseSchema = z.object({
  id: IdSchema,
  scope: CannedScopeSchema,
  shortcut: z.string(),
  body: z.string(),
  /** Rich content inserted with the body (quick replies, a card, a form, article links), or null. */
  content: OfferContentSchema.nullable().optional(),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;

export const CannedResponseRequestSchema = z.object({
  shortcut: ShortcutSchema,
  body: MessageBodySchema,
  content: OfferContentSchema.nullable().optional(),
});
export type CannedResponseRequest = z.input<typeof CannedResponseRequestSchema>;
export type CannedResponseValues = z.output<typeof CannedResponseRequestSchema>;

/** Shared ones first, then the agent's personal ones, each by shortcut. */
export const CannedResponseListSchema = z.object({ cannedResponses: z.array(CannedResponseSchema) });
export const CannedResponseResponseSchema = z.object({ cannedResponse: CannedResponseSchema });
export const CannedResponseIdParamsSchema = z.object({ cannedResponseId: IdSchema });
