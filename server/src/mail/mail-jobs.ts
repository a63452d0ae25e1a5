/**
 * @module Mail composed some time after what causes it: the agent replies a visitor left without
 * seeing (one mail per batch, after a delay), and transcripts asked for during a chat, sent once
 * it has ended. Both are claimed or deduplicated in the store, so several processes mail once.
 */
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { DomainEvent } from '../domain/events.ts';
import { HISTORY_PAGE } from '../domain/conversations.ts';
import type { ParleyMailer } from './ticket-mailer.ts';

/** How long a claimed digest is ours to compose before another process may take it. */
const DIGEST_LEASE_MS = 5 * 60_000;
const BATCH = 50;

export class MailJobs {
  readonly #store: Store;
  readonly #mailer: ParleyMailer;
  readonly #now: () => Date;
  readonly #logger: Logger;
  readonly #delayMs: number;
  /** Schedules still being written: runDue() waits for them, so a tick sees every reply before it. */
  readonly #scheduling = new Set<Promise<void>>();

  constructor(deps: {
    store: Store;
    mailer: ParleyMailer;
    now: () => Date;
    logger: Logger;
    unseenReplyDelaySeconds: number;
  }) {
    this.#store = deps.store;
    this.#mailer = deps.mailer;
    this.#now = deps.now;
    this.#logger = deps.logger;
    this.#delayMs = deps.unseenReplyDelaySeconds * 1000;
  }

  /** Domain event subscriber: an agent's chat reply to a visitor we can email starts (or joins) a batch. */
  readonly onEvent = (event: DomainEvent): void => {
    if (event.type !== 'message.created' || event.message.author.kind !== 'agent') return;
    const { conversation } = event;
    // Tickets mail every reply themselves (their conversations are `offline`).
    if (!conversation.visitorEmail || (conversation.status !== 'active' && conversation.status !== 'closed')) return;
    const dueAt = new Date(this.#now().getTime() + this.#delayMs).toISOString();
    const scheduled = this.#store.mailJobs.scheduleUnseenReplies(conversation.id, dueAt).catch((error: unknown) => {
      this.#logger.error('could not schedule the unseen-replies mail', { conversationId: conversation.id, error });
    });
    this.#scheduling.add(scheduled);
    void scheduled.finally(() => this.#scheduling.delete(scheduled));
  };

  /** Composes what is due now into the outbox; returns how many mails it stored. */
  async runDue(): Promise<number> {
    await Promise.all(this.#scheduling);
    return (await this.#unseenReplies()) + (await this.#transcripts());
  }

  async #unseenReplies(): Promise<number> {
    const now = this.#now();
    const claimed = await this.#store.mailJobs.claimDueUnseenReplies(
      now.toISOString(),
      new Date(now.getTime() + DIGEST_LEASE_MS).toISOString(),
      BATCH,
    );
    let mailed = 0;
    for (const { conversationId, emailedSeq } of claimed) {
      const conversation = await this.#store.conversations.findById(conversationId);
      const ticket = await this.#store.tickets.findByConversation(conversationId);
      if (!conversation?.visitorEmail || ticket) {
        await this.#store.mailJobs.completeUnseenReplies(conversationId, emailedSeq, null);
        continue;
      }
      // Unseen: after what the visitor's widget marked seen and after what we mailed already.
      const from = Math.max(emailedSeq, conversation.visitorSeenSeq);
      // a reply the agent deleted meanwhile is not mailed (its text is gone anyway)
      const replies = (await this.#store.messages.listAfter(conversationId, from, HISTORY_PAGE)).filter(
        (m) => m.author.kind === 'agent' && !m.deletedAt,
      );
      const last = replies.at(-1);
      if (!last) {
        await this.#store.mailJobs.completeUnseenReplies(conversationId, from, null);
        continue;
      }
      const siteName = (await this.#store.sites.findById(conversation.siteId))?.name ?? 'Parley';
      const mail = this.#mailer.unseenReplies({
        conversationId,
        to: conversation.visitorEmail,
        siteName,
        replies,
        uptoSeq: last.seq,
        now: this.#now().toISOString(),
      });
      await this.#store.mailJobs.completeUnseenReplies(conversationId, last.seq, mail);
      mailed += 1;
      // A reply stored while we composed found the batch claimed and did not schedule one: do it now.
      const later = await this.#store.messages.listAfter(conversationId, last.seq, HISTORY_PAGE);
      if (later.some((m) => m.author.kind === 'agent')) {
        await this.#store.mailJobs.scheduleUnseenReplies(
          conversationId,
          new Date(this.#now().getTime() + this.#delayMs).toISOString(),
        );
      }
    }
    return mailed;
  }

  async #transcripts(): Promise<number> {
    const ready = await this.#store.mailJobs.listReadyTranscripts(BATCH);
    for (const request of ready) {
      const conversation = await this.#store.conversations.findById(request.conversationId);
      const siteName = (conversation && (await this.#store.sites.findById(conversation.siteId))?.name) || 'Parley';
      const messages = await this.#store.messages.listAfter(request.conversationId, 0, HISTORY_PAGE);
      const now = this.#now().toISOString();
      const mail = this.#mailer.transcript({
        requestId: request.id,
        conversationId: request.conversationId,
        to: request.email,
        siteName,
        messages,
        now,
      });
      await this.#store.mailJobs.completeTranscript(request.id, mail, now);
    }
    return ready.length;
  }
}
