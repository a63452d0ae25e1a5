/**
 * @module Which visitors are on a site now: one entry per visitor with a connected widget socket
 * (a visitor with three tabs open is one entry). One process keeps it in memory (here); several
 * share it through Redis (redis-visitor-presence.ts) behind the same interface.
 */
export interface VisitorConnection {
  socketId: string;
  visitorId: string;
  siteId: string;
  userAgent: string | undefined;
  at: string;
}

export interface PresentVisitor {
  visitorId: string;
  siteId: string;
  /** When the earliest of the visitor's current connections opened. */
  since: string;
  /** Of the latest connection: the browser the visitor uses now. */
  userAgent: string | undefined;
  /** The page last reported on any connection; null until the first page:view. */
  page: { url: string; title: string } | null;
}

export interface VisitorPresence {
  connect(connection: VisitorConnection): Promise<void>;
  /** Returns true when it was the visitor's last connection (the visitor left). */
  disconnect(socketId: string): Promise<boolean>;
  /** Records the page on every connection of the visitor; false when the visitor is not connected. */
  viewed(visitorId: string, page: { url: string; title: string }): Promise<boolean>;
  find(visitorId: string): Promise<PresentVisitor | undefined>;
  list(): Promise<PresentVisitor[]>;
  /** Visitors who left without a goodbye: the process holding their connections died. */
  onLost(listener: (visitorIds: string[]) => void): void;
}

export class LocalVisitorPresence implements VisitorPresence {
  // socket → visitor, and per visitor a count of sockets: the least an idle connection can cost here
  readonly #sockets = new Map<string, string>();
  readonly #visitors = new Map<string, PresentVisitor & { sockets: number }>();

  connect(connection: VisitorConnection): Promise<void> {
    if (this.#sockets.has(connection.socketId)) return Promise.resolve();
    this.#sockets.set(connection.socketId, connection.visitorId);
    const present = this.#visitors.get(connection.visitorId);
    if (present) {
      present.sockets += 1;
      present.userAgent = connection.userAgent;
    } else {
      this.#visitors.set(connection.visitorId, {
        visitorId: connection.visitorId,
        siteId: connection.siteId,
        since: connection.at,
        userAgent: connection.userAgent,
        page: null,
        sockets: 1,
      });
    }
    return Promise.resolve();
  }

  disconnect(socketId: string): Promise<boolean> {
    const visitorId = this.#sockets.get(socketId);
    if (visitorId === undefined) return Promise.resolve(false);
    this.#sockets.delete(socketId);
    const present = this.#visitors.get(visitorId);
    if (!present) return Promise.resolve(false);
    present.sockets -= 1;
    if (present.sockets > 0) return Promise.resolve(false);
    this.#visitors.delete(visitorId);
    return Promise.resolve(true);
  }

  viewed(visitorId: string, page: { url: string; title: string }): Promise<boolean> {
    const present = this.#visitors.get(visitorId);
    if (present) present.page = page;
    return Promise.resolve(present !== undefined);
  }

  find(visitorId: string): Promise<PresentVisitor | undefined> {
    const present = this.#visitors.get(visitorId);
    return Promise.resolve(present ? snapshot(present) : undefined);
  }

  list(): Promise<PresentVisitor[]> {
    return Promise.resolve([...this.#visitors.values()].map(snapshot));
  }

  onLost(): void {
    // one process: when it dies, everything it knew dies with it
  }
}

function snapshot({ sockets: _, ...present }: PresentVisitor & { sockets: number }): PresentVisitor {
  return { ...present };
}
