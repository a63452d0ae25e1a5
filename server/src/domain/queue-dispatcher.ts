/**
 * @module The queue dispatcher (routing): hands queued conversations of automatic sites, oldest
 * first, to online agents with free capacity; lets an agent accept one (manual sites); announces
 * the queue whenever it may have changed, at most every QUEUE_ANNOUNCE_SPACING_MS. The store has
 * the last word: an assignment fills a seat only if it is still free, atomically across processes.
 * Within a process, everything that adds to an agent's load also runs one at a time (`exclusive`),
 * so the checks made here before it rarely turn out stale.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { ConversationSummary, QueuedConversation } from '@parley/shared';
import { ParleyError, forbidden, notFound } from '../errors.ts';
import type { AgentRecord, RoutingCandidate } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { AgentPresence } from '../scale/agent-presence.ts';
import type { EventSink } from './events.ts';
import { hasFreeSeat, pickAgent } from './pick-agent.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { coalesced } from './coalesced.ts';
import { WAIT_HISTORY, estimateForPosition, secondsPerPlace } from './wait-estimate.ts';

/**
 * A burst of changes reaches agents and queued visitors as one announcement per this interval (per
 * process), the last state always included. Announcing each change sent the whole queue to every
 * agent per arrival: O(n²) bytes and n whole-queue reads for n visitors arriving at once.
 */
const QUEUE_ANNOUNCE_SPACING_MS = 250;

export interface QueueDispatcherDeps {
  store: Store;
  presence: AgentPresence;
  events: EventSink;
  now: () => Date;
  /** An announcement that failed: nobody awaits it, so this is where it is reported. */
  onError: (error: unknown) => void;
}

export class QueueDispatcher {
  readonly #deps: QueueDispatcherDeps;
  readonly #seats = new KeyedMutex();
  readonly #drain = coalesced(async () => {
    await this.exclusive(() => this.#assignQueued());
    this.announceQueue();
  });
  readonly #announce = coalesced(() => this.#announceNow(), { spacingMs: QUEUE_ANNOUNCE_SPACING_MS });
  /** What this process announced last: the sweep re-announces when the queue no longer matches it. */
  #announced: string | undefined;

  constructor(deps: QueueDispatcherDeps) {
    this.#deps = deps;
  }

  /**
   * Runs work that reads agents' loads and then adds to one, one at a time in this process.
   * (Across processes the store's seat check decides: see ConversationStore.assign.)
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.#seats.run('seats', work);
  }

  /**
   * Assigns what can be assigned now. Calls that arrive while a drain runs coalesce into one more
   * pass after it, so a burst of triggers costs two passes, not one per trigger.
   */
  drain(): Promise<void> {
    return this.#drain();
  }

  async #assignQueued(): Promise<void> {
    const { store } = this.#deps;
    // the seats first: while every one is taken (a queue behind full agents) the queue is not read
    let candidates = await this.connectedAgents();
    if (!candidates.some(hasFreeSeat)) return;
    // Manual sites' conversations wait for an agent to accept them.
    const queued = (await store.conversations.listQueued()).filter((c) => c.routingMode === 'automatic');
    for (const conversation of queued) {
      for (;;) {
        const agent = pickAgent(candidates);
        if (!agent) return;
        const now = this.#deps.now().toISOString();
        const assigned = await store.conversations.assign(conversation.id, agent.id, now);
        if (assigned) {
          agent.activeCount += 1;
          agent.lastAssignedAt = now;
          this.#announceAssigned({ ...assigned, lastMessage: conversation.lastMessage, origin: conversation.origin });
          break;
        }
        // Refused: either another process took the conversation, or it filled this agent's last
        // seat (or the agent stepped away) since we looked. Only the store knows which.
        const [fresh] = await store.agents.routingCandidates([agent.id]);
        if (fresh && hasFreeSeat(fresh)) break; // the conversation is gone: on to the next one
        candidates = candidates.filter((c) => c.id !== agent.id);
        if (fresh) candidates.push(fresh);
      }
    }
  }

  /**
   * The agent takes a waiting conversation. Two agents racing for one: the conditional update gives
   * it to exactly one, the other hears that it is gone.
   */
  async accept(agent: AgentRecord, conversationId: string): Promise<ConversationSummary> {
    const { store } = this.#deps;
    const accepted = await this.exclusive(async () => {
      const [me] = await store.agents.routingCandidates([agent.id]);
      if (!me) throw forbidden('This account is deactivated');
      if (me.status !== 'online') {
        throw new ParleyError(ErrorCode.Conflict, 'Set your status to Online to accept conversations');
      }
      if (!hasFreeSeat(me)) {
        throw new ParleyError(ErrorCode.Conflict, `You are at capacity (${me.activeCount} of ${me.capacity} chats)`);
      }
      const assigned = await store.conversations.assign(conversationId, agent.id, this.#deps.now().toISOString());
      if (!assigned) throw await this.#whyNotWaiting(conversationId);
      const summary = (await store.conversations.summary(conversationId)) ?? {
        ...assigned,
        lastMessage: null,
        origin: null,
      };
      this.#announceAssigned(summary);
      return summary;
    });
    // every console's queue drops it
    this.announceQueue();
    return accepted;
  }

  async #whyNotWaiting(conversationId: string): Promise<ParleyError> {
    const conversation = await this.#deps.store.conversations.findById(conversationId);
    if (!conversation) return notFound('Conversation');
    if (conversation.status === 'active') {
      return new ParleyError(
        ErrorCode.Conflict,
        `${conversation.agent?.name ?? 'Another agent'} has already accepted this conversation`,
      );
    }
    if (conversation.status === 'queued') {
      // the store refused the seat: another process filled it since the check above
      return new ParleyError(ErrorCode.Conflict, 'You have no free seat now (at capacity, or not online)');
    }
    return new ParleyError(ErrorCode.Conflict, 'This conversation is no longer waiting');
  }

  #announceAssigned(summary: ConversationSummary): void {
    // the origin (a rule's or an agent's name) is for agents: the update also reaches the visitor
    const { lastMessage: _lastMessage, origin: _origin, ...conversation } = summary;
    this.#deps.events.publish({ type: 'conversation.updated', conversation });
    this.#deps.events.publish({ type: 'conversation.assigned', conversation: summary });
  }

  /** Agents connected now, with their status and load. */
  async connectedAgents(): Promise<RoutingCandidate[]> {
    return this.#deps.store.agents.routingCandidates(await this.#deps.presence.online());
  }

  async queue(): Promise<QueuedConversation[]> {
    return this.#deps.store.conversations.listQueued();
  }

  /** 1-based place of a queued conversation, or null when it is not waiting. */
  positionOf(conversationId: string): Promise<number | null> {
    return this.#deps.store.conversations.queuePosition(conversationId);
  }

  /** Whether a visitor can reach someone live: an agent connected who has not set themselves offline. */
  async agentsOnline(): Promise<boolean> {
    return (await this.connectedAgents()).some((agent) => agent.status !== 'offline');
  }

  /** The wait estimate's seconds per place in the queue now; null when unknown. */
  async secondsPerPlace(): Promise<number | null> {
    const routable = (await this.connectedAgents()).filter((agent) => agent.status === 'online');
    if (routable.length === 0) return null;
    const withFreeSeat = routable.filter(hasFreeSeat).length;
    return secondsPerPlace(
      await this.#deps.store.conversations.recentWaits(WAIT_HISTORY),
      routable.length,
      withFreeSeat,
    );
  }

  async estimateFor(position: number | null): Promise<number | null> {
    return position === null ? null : estimateForPosition(position, await this.secondsPerPlace());
  }

  /**
   * The queue may have changed: agents and queued visitors hear it soon (at once when nothing was
   * announced for a while). Not awaited: a visitor's ack must not wait for a burst to settle.
   */
  announceQueue(): void {
    this.#announce().catch(this.#deps.onError);
  }

  /**
   * Announces again if `queue` (as just read) differs from what this process announced last. Announcements of
   * two processes can cross on the way (one read before the other's change, delivered after it);
   * each process correcting its own last word makes every console converge on the record.
   */
  announceQueueIfStale(queue: QueuedConversation[]): void {
    if (this.#announced !== undefined && fingerprint(queue) === this.#announced) return;
    this.announceQueue();
  }

  async #announceNow(): Promise<void> {
    const queue = await this.queue();
    const perPlace = queue.length > 0 ? await this.secondsPerPlace() : null;
    this.#announced = fingerprint(queue);
    this.#deps.events.publish({ type: 'queue.changed', queue, secondsPerPlace: perPlace });
  }
}

/** What a console shows of the queue: who waits, in which order, with which last message. */
function fingerprint(queue: QueuedConversation[]): string {
  return queue.map((c) => `${c.id}:${c.lastMessage?.seq ?? 0}:${c.routingMode}`).join(',');
}
