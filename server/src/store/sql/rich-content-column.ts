/**
 * @module Rich content in a text column (messages.content, canned_responses.content): JSON written
 * from content the schema accepted, read back as it was written. Plain messages keep null and cost
 * nothing to read.
 */
import type { OfferContent, RichContent } from '@parley/shared';

export function contentColumn(content: RichContent | null | undefined): string | null {
  return content ? JSON.stringify(content) : null;
}

export function contentOf(column: string | null): RichContent | null {
  // only ever written by contentColumn from validated content: no second validation on the read path
  return column === null ? null : (JSON.parse(column) as RichContent);
}

/** Canned responses hold only offers (the schema they were written with). */
export function offerOf(column: string | null): OfferContent | null {
  return contentOf(column) as OfferContent | null;
}
