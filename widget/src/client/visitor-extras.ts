/**
 * @module What the host page tells the widget about the visitor, beyond the chat itself: who they
 * are (`identify`) and which pages they view (`trackPageView`). Kept until a connection is online,
 * then sent after the session resume; the identity is sent again after every reconnect, since a
 * restarted server or a new token must hear it too.
 */
import type { VisitorIdentity } from '../api/widget-api.ts';
import type { VisitorSocket } from './visitor-socket.ts';

export type { VisitorIdentity };

export interface PageViewPayload {
  url: string;
  title: string;
  referrer?: string;
}

/** Page views kept while offline: a visitor clicking around a shop offline should not grow memory forever. */
const MAX_PENDING_PAGES = 20;

export class VisitorExtras {
  private identity: VisitorIdentity | null = null;
  private pages: PageViewPayload[] = [];

  identify(identity: VisitorIdentity, socket: VisitorSocket | null): void {
    this.identity = identity;
    if (socket) this.sendIdentity(socket);
  }

  pageView(page: PageViewPayload, socket: VisitorSocket | null): void {
    this.pages.push(page);
    if (this.pages.length > MAX_PENDING_PAGES) this.pages.shift();
    if (socket) this.sendPages(socket);
  }

  /** The connection is online and resumed: send what the server has not heard on it yet. */
  flush(socket: VisitorSocket): void {
    this.sendIdentity(socket);
    this.sendPages(socket);
  }

  reset(): void {
    this.identity = null;
    this.pages = [];
  }

  /** What is waiting to be sent (for tests and for the API's own checks). */
  pending(): { identity: VisitorIdentity | null; pages: readonly PageViewPayload[] } {
    return { identity: this.identity, pages: this.pages };
  }

  private sendIdentity(_socket: VisitorSocket): void {
    // `visitor:identify` is not in the shared protocol yet: the identity stays here until it is
  }

  private sendPages(_socket: VisitorSocket): void {
    // `page:view` is not in the shared protocol yet: the pages stay queued until it is
  }
}
