/**
 * @module What the host page tells us about its visitor: who they are (identify, proven with the
 * site's HMAC when the site asks for it) and which pages they look at.
 */
import { TimeZoneSchema, type PageView, type VisitorIdentify } from '@parley/shared';
import { forbidden, notFound } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { VisitorProfileUpdate } from '../store/visitor-store.ts';
import type { EventSink } from './events.ts';
import type { VisitorRef } from './conversations.ts';
import { userHashMatches } from './identity-hash.ts';
import type { VisitorTokens } from './visitor-tokens.ts';

/** Page views kept per visitor: enough for the console's panel, bounded however long a visitor browses. */
export const PAGE_VIEWS_KEPT = 200;

/** Other browsers of one verified user looked at on identify: one person rarely has more. */
const SAME_USER_CANDIDATES = 5;

export class VisitorProfiles {
  readonly #store: Store;
  readonly #events: EventSink;
  readonly #tokens: VisitorTokens;
  readonly #now: () => Date;

  constructor(deps: { store: Store; events: EventSink; tokens: VisitorTokens; now: () => Date }) {
    this.#store = deps.store;
    this.#events = deps.events;
    this.#tokens = deps.tokens;
    this.#now = deps.now;
  }

  /**
   * Stores who the visitor is. With userId and a valid userHash the profile is verified; a wrong
   * hash, or no proof where the site requires one, is refused and nothing is stored.
   *
   * A verified user already known from another browser continues as that visitor: the answer
   * carries that visitor's token, and the profile goes to that visitor. Their chats and tickets
   * follow them from device to device, as the host app's login does. This browser's own visitor
   * keeps nothing of the identity, so it is never taken for the user later.
   */
  async identify(visitor: VisitorRef, input: VisitorIdentify): Promise<{ verified: boolean; token?: string }> {
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
    const sameUser =
      verified && input.userId !== undefined ? await this.#sameUserElsewhere(visitor, input.userId) : undefined;
    const target = sameUser ?? visitor.visitorId;
    const identified = await this.#store.visitors.updateProfile(
      target,
      visitor.siteId,
      update,
      this.#now().toISOString(),
    );
    this.#events.publish({ type: 'visitor.identified', visitor: identified });
    // The agent holding the visitor's chat sees the new name at once.
    const open = await this.#store.conversations.findOpenByVisitor(target);
    if (open) this.#events.publish({ type: 'conversation.updated', conversation: open });
    return sameUser
      ? { verified, token: this.#tokens.tokenFor({ visitorId: sameUser, siteId: visitor.siteId }) }
      : { verified };
  }

  /**
   * The visitor this verified user already is in another browser, when this browser should become
   * it: never while this browser has a chat or ticket of its own going (that would hide it), and,
   * for a browser already verified as this user, only to reach the one with something going on.
   * Each rule moves towards a visitor nobody moves away from, so two browsers never swap back and forth.
   */
  async #sameUserElsewhere(visitor: VisitorRef, userId: string): Promise<string | undefined> {
    const others = await this.#store.visitors.findVerifiedUser(
      visitor.siteId,
      userId,
      visitor.visitorId,
      SAME_USER_CANDIDATES,
    );
    if (others.length === 0 || (await this.#hasSomethingGoing(visitor.visitorId))) return undefined;
    const current = await this.#store.visitors.findById(visitor.visitorId);
    const alreadyThisUser = current?.verified === true && current.externalUserId === userId;
    for (const other of others) {
      if (await this.#hasSomethingGoing(other.id)) return other.id;
    }
    return alreadyThisUser ? undefined : others[0]?.id;
  }

  /** A live chat (queued or active), or a ticket not yet solved that the visitor's next message continues. */
  async #hasSomethingGoing(visitorId: string): Promise<boolean> {
    if (await this.#store.conversations.findOpenByVisitor(visitorId)) return true;
    const latest = await this.#store.conversations.findLatestByVisitor(visitorId);
    if (latest?.status !== 'offline') return false;
    const ticket = await this.#store.tickets.findByConversation(latest.id);
    return ticket !== undefined && ticket.status !== 'solved';
  }

  /**
   * The browser's time zone, from the handshake: kept only when the runtime knows the zone, and
   * only on a visitor who has a row already. A connection that does nothing stores nothing; the
   * transport reports the zone again after the visitor's first page view, message or identify.
   * Returns whether the zone is stored (or never will be: an unknown zone).
   */
  async reportTimeZone(visitor: VisitorRef, zone: string): Promise<boolean> {
    const parsed = TimeZoneSchema.safeParse(zone);
    if (!parsed.success) return true;
    const stored = await this.#store.visitors.findById(visitor.visitorId);
    if (!stored) return false;
    if (stored.timeZone !== parsed.data) {
      await this.#store.visitors.updateProfile(
        visitor.visitorId,
        visitor.siteId,
        { timeZone: parsed.data },
        this.#now().toISOString(),
      );
    }
    return true;
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
