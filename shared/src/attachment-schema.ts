/**
 * @module An attachment as messages carry it. Kept apart from attachments.ts (which needs models.ts
 * for ids and dates) so that models.ts can put it on every Message without an import cycle.
 */
import { z } from 'zod';

/** An attachment as messages and clients see it. */
export const AttachmentSchema = z.object({
  id: z.string().min(1).max(64),
  /** The uploader's file name, sanitized; for display and the download's file name only. */
  name: z.string(),
  /** Sniffed from the content by the server. */
  type: z.string(),
  /** Bytes as stored (images after re-encoding). */
  size: z.number().int().min(0),
  hasThumbnail: z.boolean(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
