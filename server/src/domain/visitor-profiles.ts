/**
 * @module What the host page tells us about its visitor: who they are (identify, proven with the
 * site's HMAC when the site asks for it) and which pages they look at.
 */
import { TimeZoneSchema, type PageView, type VisitorIdentify } from '@parley/shared';
import { forbidden, notFound } from '../errors.ts';
import type { Store, VisitorProfileUpdate } from '../store/types.ts';
import type { EventSink } from './events.ts';
import type { VisitorRef } from './conversations.ts';
import { userHashMatches } from './identity-hash.ts';

/** Page views kept per visitor: enough for the console's panel, bounded however long a visitor browses. */
export const PAGE_VIEWS_KEPT = 200;

export class VisitorProfiles {
  readonly #store: Store;
  readonly #events: EventSink;
  readonly #now: () => Date;

  constructor(deps: { store: Store; events: EventSink; now: () => Date }) {
    this.#store = deps.store;
    this.#events = deps.events;
    this.#now = deps.now;
  }

  /**
   * Stores who the visitor is. With userId and a valid userHash the profile is verified; a wrong
   * hash, or no proof where the site requires one, is refused and nothing is stored.
   */
  async identify(visitor: VisitorRef, input: VisitorIdentify): Promise<{ verified: boolean }> {
    const site = await this.#store.sites.findById(visitor.siteId);
    if (!site) throw notFound('Site');
    let verified = false;
    if (input.userHash !== undefined) {
      if (input.userId === undefined || !userHashMatches(site.identitySecret, input.userId, input.userHash)) {
        throw forbidden('The user hash does not match this user id');
      }
      verified = true;
    } else if (site.identityVerificationRequired) {
      throw forbidden('This site requires a userId with a userHash to identify visitors');
    }
    const update: VisitorProfileUpdate = {
      // An unproven user id is not kept: agents must be able to trust what the profile says.
      externalUserId: verified ? (input.userId ?? null) : null,
      verified,
    };
    if (input.name !== undefined) update.name = input.name;
    if (input.email !== undefined) update.email = input.email;
    if (input.attributes !== undefined) update.attributes = input.attributes;
    await this.#store.visitors.updateProfile(visitor.visitorId, visitor.siteId, update, this.#now().toISOString());
    // The agent holding the visitor's chat sees the new name at once.
    const open = await this.#store.conversations.findOpenByVisitor(visitor.visitorId);
    if (open) this.#events.publish({ type: 'conversation.updated', conversation: open });
    return { verified };
  }

  /** The browser's time zone, from the handshake: kept only when the runtime knows the zone. */
  async reportTimeZone(visitor: VisitorRef, zone: string): Promise<void> {
    const parsed = TimeZoneSchema.safeParse(zone);
    if (!parsed.success) return;
    await this.#store.visitors.updateProfile(visitor.visitorId, visitor.siteId, { timeZone: parsed.data }, this.#now().toISOString());
  }

  async pageView(visitor: VisitorRef, view: PageView): Promise<void> {
    const now = this.#now().toISOString();
    await this.#store.visitors.ensure(visitor.visitorId, visitor.siteId, now);
    await this.#store.pageViews.record(
      visitor.visitorId,
      { url: view.url, title: view.title, referrer: view.referrer ?? null, at: now },
      PAGE_VIEWS_KEPT,
    );
  }
}
