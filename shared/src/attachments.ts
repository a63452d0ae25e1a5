/**
 * @module Attachments on the wire: the file types Parley can accept, each site's upload settings,
 * an attachment's metadata as messages carry it, and the payloads of the upload and download routes.
 * The server decides a file's type from its content, never from the name or the client's claim.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, MAX_MESSAGE_LENGTH } from './models.ts';
import { AttachmentSchema } from './attachment-schema.ts';

/** Raster images: re-encoded by the server (metadata stripped, a thumbnail made) and the only type shown inline. */
export const IMAGE_ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Every type a site may allow. SVG, HTML and XML are never among them: they can carry script. */
export const AttachmentTypeSchema = z.enum([
  ...IMAGE_ATTACHMENT_TYPES,
  'application/pdf',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/zip',
]);
export type AttachmentType = z.infer<typeof AttachmentTypeSchema>;

export const isImageAttachmentType = (type: string): boolean =>
  (IMAGE_ATTACHMENT_TYPES as readonly string[]).includes(type);

/** The largest maximum an admin may set: bigger files belong in a file-sharing service. */
export const MAX_ATTACHMENT_BYTES_LIMIT = 100 * 1024 * 1024;

/** What a site accepts; admins edit it with the other site settings. */
export const AttachmentSettingsSchema = z.object({
  /** Largest file in bytes, before images are re-encoded. */
  maxBytes: z.number().int().min(1024).max(MAX_ATTACHMENT_BYTES_LIMIT),
  allowedTypes: z
    .array(AttachmentTypeSchema)
    .max(AttachmentTypeSchema.options.length)
    .transform((types) => [...new Set(types)]),
  /** Whether visitors may upload at all (agents always may, within the limits). */
  visitorUploads: z.boolean(),
  /** Against spam: visitors upload only once an agent has answered in the conversation. */
  visitorUploadsAfterAgentReply: z.boolean(),
});
export type AttachmentSettings = z.output<typeof AttachmentSettingsSchema>;

export const DEFAULT_ATTACHMENT_SETTINGS: AttachmentSettings = {
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: AttachmentTypeSchema.options.filter((type) => type !== 'application/zip'),
  visitorUploads: true,
  visitorUploadsAfterAgentReply: true,
};

export { AttachmentSchema, type Attachment } from './attachment-schema.ts';

/** Files a message may reference: uploaded first, then named by id in message:send. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
export const AttachmentIdsSchema = z
  .array(IdSchema)
  .max(MAX_ATTACHMENTS_PER_MESSAGE)
  .refine((ids) => new Set(ids).size === ids.length, 'names an attachment twice');

/** A sent message's text: may be empty when the message carries files (checked by {@link requireBodyOrFiles}). */
export const SendBodySchema = z.string().max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`);

/** A message is text, files, or both: an empty body needs at least one attachment. */
export function requireBodyOrFiles(
  send: { body: string; attachmentIds?: readonly string[] | undefined },
  ctx: z.RefinementCtx,
): void {
  if (/\S/.test(send.body) || (send.attachmentIds?.length ?? 0) > 0) return;
  ctx.addIssue({ code: 'custom', path: ['body'], message: 'must not be empty without attachments' });
}

export const UploadResponseSchema = z.object({ attachment: AttachmentSchema });
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

export const VisitorUploadParamsSchema = z.object({ siteKey: z.string().min(1).max(64) });
export const AgentUploadParamsSchema = z.object({ conversationId: IdSchema });
export const AttachmentIdParamsSchema = z.object({ attachmentId: IdSchema });
export const VisitorAttachmentParamsSchema = z.object({ siteKey: z.string().min(1).max(64), attachmentId: IdSchema });

/** Short-lived signed addresses of a file and its thumbnail, for whoever may see the conversation. */
export const AttachmentLinkResponseSchema = z.object({
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  expiresAt: IsoDateSchema,
});
export type AttachmentLinkResponse = z.infer<typeof AttachmentLinkResponseSchema>;

/** The signed download's query: what the signature covers, and the signature. */
export const FileDownloadQuerySchema = z.object({
  variant: z.enum(['file', 'thumbnail']).default('file'),
  expires: z.coerce.number().int().positive(),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a signature'),
});

/** Header the widget sends its visitor token in on REST calls (the socket carries it in its handshake). */
export const VISITOR_TOKEN_HEADER = 'x-parley-visitor-token';
