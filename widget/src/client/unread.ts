/**
 * @module Unread agent messages while the panel is closed: counted from the visitor's read marker
 * (Conversation.visitorSeenSeq) or, before the server has it, from what was on screen at close.
 */
import type { Message } from '@parley/shared';

export function unreadCount(messages: readonly Message[], seenUpTo: number): number {
  let count = 0;
  for (const message of messages) if (message.author.kind === 'agent' && message.seq > seenUpTo) count++;
  return count;
}

/** "(2) Original title"; the original title unchanged when nothing is unread. */
export function titleWithUnread(original: string, count: number): string {
  return count > 0 ? `(${count}) ${original}` : original;
}

/**
 * Owns document.title while there is something unread and gives the host page its own title back
 * afterwards. Reads the original at the first change, so a title the page set meanwhile is kept.
 */
export class TitleBadge {
  private original: string | null = null;

  constructor(private readonly doc: Document = document) {}

  show(count: number): void {
    if (count <= 0) {
      this.restore();
      return;
    }
    this.original ??= this.doc.title;
    this.doc.title = titleWithUnread(this.original, count);
  }

  restore(): void {
    if (this.original === null) return;
    this.doc.title = this.original;
    this.original = null;
  }
}
