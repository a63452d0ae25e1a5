/**
 * @module Handing a conversation on: transfer to a colleague who is online with a free seat (with a
 * private note for them), and reopening a closed conversation with the agent who had it.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { Conversation } from '@parley/shared';
import { ParleyError, forbidden, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { EventSink } from './events.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { hasFreeSeat } from './pick-agent.ts';
import { newId } from './ids.ts';

export interface HandoffsDeps {
  store: Store;
  events: EventSink;
  dispatcher: QueueDispatcher;
  now: () => Date;
}

const changedMeanwhile = () => new ParleyError(ErrorCode.Conflict, 'This conversation changed meanwhile; try again');

export class Handoffs {
  readonly #deps: HandoffsDeps;

  constructor(deps: HandoffsDeps) {
    this.#deps = deps;
  }

  async transfer(
    agent: AgentRecord,
    conversationId: string,
    toAgentId: string,
    noteBody: string | undefined,
  ): Promise<Conversation> {
    const { store, events, dispatcher } = this.#deps;
    if (toAgentId === agent.id) throw new ParleyError(ErrorCode.Conflict, 'You already have this conversation');
    // under the routing lock: the target's free seat must still be free when the conversation lands
    return dispatcher.exclusive(async () => {
      const conversation = await this.#mine(agent, conversationId);
      if (conversation.status !== 'active') {
        throw new ParleyError(ErrorCode.ConversationClosed, 'Only an active conversation can be transferred');
      }
      const target = (await dispatcher.connectedAgents()).find((candidate) => candidate.id === toAgentId);
      if (!target) {
        const known = await store.agents.findById(toAgentId);
        if (!known || !known.active) throw notFound('Agent');
        throw new ParleyError(ErrorCode.Conflict, `${known.name} is not signed in`);
      }
      if (target.status !== 'online') throw new ParleyError(ErrorCode.Conflict, `${target.name} is ${target.status}`);
      if (!hasFreeSeat(target)) {
        throw new ParleyError(
          ErrorCode.Conflict,
          `${target.name} has no free capacity (${target.activeCount} of ${target.capacity} chats)`,
        );
      }
      const moved = await store.conversations.transfer(conversationId, agent.id, target.id);
      if (!moved) throw changedMeanwhile();
      const { note } = await store.notes.add({
        id: newId('note'),
        conversationId,
        clientNoteId: null,
        author: { id: agent.id, name: agent.name },
        body: noteBody ?? '',
        transferredTo: { id: target.id, name: target.name },
        now: this.#deps.now().toISOString(),
      });
      const summary = (await store.conversations.summary(conversationId)) ?? {
        ...moved,
        lastMessage: null,
        origin: null,
      };
      events.publish({ type: 'conversation.transferred', conversation: summary, fromAgentId: agent.id });
      events.publish({ type: 'note.created', conversation: moved, note });
      return moved;
    });
  }

  /** Back to active with the same agent (within their capacity); the visitor reads it in their thread. */
  async reopen(agent: AgentRecord, conversationId: string): Promise<Conversation> {
    const { store, events, dispatcher } = this.#deps;
    const reopened = await dispatcher.exclusive(async () => {
      const conversation = await this.#mine(agent, conversationId);
      if (conversation.status !== 'closed')
        throw new ParleyError(ErrorCode.Conflict, 'This conversation is not closed');
      const [me] = await store.agents.routingCandidates([agent.id]);
      if (me && me.activeCount >= me.capacity) {
        throw new ParleyError(ErrorCode.Conflict, `You are at capacity (${me.activeCount} of ${me.capacity} chats)`);
      }
      const updated = await store.conversations.reopen(conversationId, agent.id);
      if (!updated) throw changedMeanwhile();
      return updated;
    });
    events.publish({ type: 'conversation.updated', conversation: reopened });
    events.publish({ type: 'conversation.reopened', conversation: reopened });
    const {
      message,
      created,
      conversation: current,
    } = await store.messages.append({
      id: newId('msg'),
      conversationId,
      clientMessageId: null,
      author: { kind: 'system', id: null, name: null },
      body: `${agent.name} reopened the conversation.`,
      now: this.#deps.now().toISOString(),
    });
    if (created) events.publish({ type: 'message.created', conversation: current, message });
    // a reopened chat holds a seat: the wait estimate of queued visitors changes
    dispatcher.announceQueue();
    return current;
  }

  async #mine(agent: AgentRecord, conversationId: string): Promise<Conversation> {
    const conversation = await this.#deps.store.conversations.findById(conversationId);
    if (!conversation) throw notFound('Conversation');
    if (conversation.agent?.id !== agent.id) throw forbidden('This conversation is not assigned to you');
    return conversation;
  }
}
