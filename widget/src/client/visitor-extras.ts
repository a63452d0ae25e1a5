/**
 * @module What the host page tells the widget about the visitor, beyond the chat itself: who they
 * are (`visitor:identify`) and which pages they view (`page:view`). Kept until a connection is
 * online and resumed, then sent; the identity again after every reconnect, since a restarted
 * server or a new token must hear it too, and a page view until the server has acknowledged it.
 */
import type { PageView, VisitorContact, VisitorIdentify } from '@parley/shared';
import type { VisitorIdentity } from '../api/widget-api.ts';
import type { VisitorSocket } from './visitor-socket.ts';

export type { VisitorIdentity };
export type PageViewPayload = PageView;

/** Page views kept while offline: a visitor clicking around a shop offline should not grow memory forever. */
const MAX_PENDING_PAGES = 20;
const ACK_TIMEOUT_MS = 10_000;

/**
 * The API's `id` is the protocol's `userId`. Absent fields stay absent on the wire (JSON leaves out
 * undefined), and fields the protocol does not know are dropped by the server's schema.
 */
function toIdentifyPayload({ id, ...rest }: VisitorIdentity): VisitorIdentify {
  return id === undefined ? rest : { ...rest, userId: String(id) };
}

export class VisitorExtras {
  readonly #sameUserElsewhere: (token: string) => void;
  #identity: VisitorIdentify | null = null;
  #pages: PageView[] = [];
  #sending = new Set<PageView>();
  #lastUrl: string | null = null;

  /** `sameUserElsewhere`: the verified user is already a visitor in another browser; this is its token. */
  constructor(sameUserElsewhere: (token: string) => void) {
    this.#sameUserElsewhere = sameUserElsewhere;
  }

  identify(identity: VisitorIdentity, socket: VisitorSocket | null): void {
    this.#identity = toIdentifyPayload(identity);
    if (socket) this.#sendIdentity(socket);
  }

  pageView(page: PageView, socket: VisitorSocket | null): void {
    // the server takes http(s) pages only; a file:// or about: page has nothing to show an agent
    if (!/^https?:/.test(page.url)) return;
    // the widget tracks the page it starts on, and an SPA often reports its first route too
    if (this.#lastUrl === page.url) return;
    this.#lastUrl = page.url;
    this.#pages.push(page);
    if (this.#pages.length > MAX_PENDING_PAGES) this.#pages.shift();
    if (socket) this.#sendPages(socket);
  }

  /** The connection is online and resumed: send what the server has not heard on it yet. */
  flush(socket: VisitorSocket): void {
    this.#sending.clear();
    this.#sendIdentity(socket);
    this.#sendPages(socket);
  }

  reset(): void {
    this.#identity = null;
    this.#pages = [];
    this.#sending.clear();
    this.#lastUrl = null;
  }

  /** The name and email the host page gave, if any. */
  knownContact(): VisitorContact {
    const contact: VisitorContact = {};
    if (this.#identity?.name) contact.name = this.#identity.name;
    if (this.#identity?.email) contact.email = this.#identity.email;
    return contact;
  }

  /** What is still to be sent or acknowledged. */
  pending(): { identity: VisitorIdentify | null; pages: readonly PageView[] } {
    return { identity: this.#identity, pages: this.#pages };
  }

  #sendIdentity(socket: VisitorSocket): void {
    const identity = this.#identity;
    if (!identity) return;
    socket.timeout(ACK_TIMEOUT_MS).emit('visitor:identify', identity, (err, res) => {
      // a refusal is the host page's mistake (a bad email, a wrong userHash): say so where its developer looks
      if (!err && !res.ok) console.warn(`Parley chat: identify was refused: ${res.error.message}`);
      if (!err && res.ok && res.data.token) this.#sameUserElsewhere(res.data.token);
    });
  }

  #sendPages(socket: VisitorSocket): void {
    for (const page of this.#pages) {
      if (this.#sending.has(page)) continue;
      this.#sending.add(page);
      socket.timeout(ACK_TIMEOUT_MS).emit('page:view', page, (err, res) => {
        this.#sending.delete(page);
        // kept on a timeout or disconnect (sent again after the next resume); dropped once answered
        if (!err) this.#pages = this.#pages.filter((p) => p !== page);
        if (!err && !res.ok) console.warn(`Parley chat: page view was refused: ${res.error.message}`);
      });
    }
  }
}
