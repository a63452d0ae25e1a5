/**
 * @module The unread count in the page title while the chat is closed (the count itself is
 * api/state-events.ts's unreadCount, shared with the public API's `unread:changed`).
 */

/** "(2) Original title"; the original title unchanged when nothing is unread. */
export function titleWithUnread(original: string, count: number): string {
  return count > 0 ? `(${count}) ${original}` : original;
}

/**
 * Owns document.title while there is something unread and gives the host page its own title back
 * afterwards. Reads the original at the first change, so a title the page set meanwhile is kept.
 */
export function titleBadge(doc: Document = document): { show(count: number): void; restore(): void } {
  let original: string | null = null;
  const restore = (): void => {
    if (original !== null) doc.title = original;
    original = null;
  };
  return {
    show(count) {
      if (count <= 0) return restore();
      original ??= doc.title;
      doc.title = titleWithUnread(original, count);
    },
    restore,
  };
}
