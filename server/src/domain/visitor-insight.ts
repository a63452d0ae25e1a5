/**
 * @module What agents learn about visitors: the panel beside a conversation (profile, pages,
 * software, earlier conversations) and who is on the sites now. Keeps presence up to date as
 * visitors come, move and go, and announces each change so transports can push it.
 */
import type { LiveVisitor, VisitorDetails } from '@parley/shared';
import { forbidden, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { VisitorConnection, VisitorPresence } from '../scale/visitor-presence.ts';
import type { EventSink } from './events.ts';
import { parseUserAgent } from './user-agent.ts';

/** Pages listed in the panel: the latest ones are what an agent reads; the store keeps more. */
const PANEL_PAGES = 20;
const PANEL_CONVERSATIONS = 10;

export class VisitorInsight {
  readonly #store: Store;
  readonly #presence: VisitorPresence;
  readonly #events: EventSink;
  readonly #now: () => Date;

  constructor(deps: { store: Store; presence: VisitorPresence; events: EventSink; now: () => Date }) {
    this.#store = deps.store;
    this.#presence = deps.presence;
    this.#events = deps.events;
    this.#now = deps.now;
    // another process died with these visitors' sockets: the live list and panels must drop them
    this.#presence.onLost((visitorIds) => {
      for (const visitorId of visitorIds) this.#events.publish({ type: 'visitor.changed', visitorId });
    });
  }

  async arrived(connection: Omit<VisitorConnection, 'at'>): Promise<void> {
    await this.#presence.connect({ ...connection, at: this.#now().toISOString() });
    this.#events.publish({ type: 'visitor.changed', visitorId: connection.visitorId });
  }

  async left(visitorId: string, connectionId: string): Promise<void> {
    if (await this.#presence.disconnect(connectionId)) this.#events.publish({ type: 'visitor.changed', visitorId });
  }

  /** Call after the view is stored (VisitorProfiles.pageView), so the pushed panel includes it. */
  async viewed(visitorId: string, page: { url: string; title: string }): Promise<void> {
    await this.#presence.viewed(visitorId, page);
    this.#events.publish({ type: 'visitor.changed', visitorId });
  }

  /** The visitor of a conversation the agent holds or could take; admins may look at any. */
  async forConversation(agent: AgentRecord, conversationId: string): Promise<VisitorDetails> {
    const conversation = await this.#store.conversations.findById(conversationId);
    if (!conversation) throw notFound('Conversation');
    const mine = conversation.agent?.id === agent.id;
    if (!mine && conversation.status !== 'queued' && agent.role !== 'admin') {
      throw forbidden('This conversation is not assigned to you');
    }
    return this.details(conversation.visitorId);
  }

  async details(visitorId: string): Promise<VisitorDetails> {
    const [visitor, pages, present, conversations] = await Promise.all([
      this.#store.visitors.findById(visitorId),
      this.#store.pageViews.listRecent(visitorId, PANEL_PAGES),
      this.#presence.find(visitorId),
      this.#store.conversations.listByVisitor(visitorId, PANEL_CONVERSATIONS),
    ]);
    if (!visitor) throw notFound('Visitor');
    const earliestReferrer = [...pages].reverse().find((page) => page.referrer !== null)?.referrer ?? null;
    return {
      visitorId,
      name: visitor.name,
      email: visitor.email,
      verified: visitor.verified,
      externalUserId: visitor.externalUserId,
      attributes: visitor.attributes,
      timeZone: visitor.timeZone,
      online: present !== undefined,
      onlineSince: present?.since ?? null,
      software: present ? parseUserAgent(present.userAgent) : null,
      pages,
      referrer: earliestReferrer,
      previousConversations: conversations,
    };
  }

  /** Which agent holds the visitor's open conversation, if one does: the one to push the panel to. */
  async holderOf(visitorId: string): Promise<string | undefined> {
    return (await this.#store.conversations.findOpenByVisitor(visitorId))?.agent?.id;
  }

  async live(): Promise<LiveVisitor[]> {
    const present = await this.#presence.list();
    // two reads for the whole list, not two per visitor: it is recomputed on every arrival
    const ids = present.map((entry) => entry.visitorId);
    const [visitors, chatting] = await Promise.all([
      this.#store.visitors.findManyById(ids),
      this.#store.conversations.visitorsWithOpen(ids),
    ]);
    const names = new Map(visitors.map((visitor) => [visitor.id, visitor.name]));
    return present
      .map((entry): LiveVisitor => ({
        visitorId: entry.visitorId,
        siteId: entry.siteId,
        name: names.get(entry.visitorId) ?? null,
        currentPage: entry.page,
        onlineSince: entry.since,
        chatting: chatting.has(entry.visitorId),
        software: parseUserAgent(entry.userAgent),
      }))
      .sort((a, b) => a.onlineSince.localeCompare(b.onlineSince));
  }
}
