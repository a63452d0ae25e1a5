/**
 * @module Private notes: what agents write on a conversation for each other. They live apart from
 * messages (their own store and event), so no visitor path can read or receive one.
 */
import type { Note } from '@parley/shared';
import { forbidden, notFound } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { EventSink } from './events.ts';
import { newId } from './ids.ts';

export interface PrivateNotesDeps {
  store: Store;
  events: EventSink;
  now: () => Date;
}

export class PrivateNotes {
  readonly #deps: PrivateNotesDeps;

  constructor(deps: PrivateNotesDeps) {
    this.#deps = deps;
  }

  /** A note on a conversation the agent holds; a retry with the same clientNoteId is stored once. */
  async add(agent: AgentRecord, conversationId: string, clientNoteId: string, body: string): Promise<Note> {
    const { store, events } = this.#deps;
    const conversation = await store.conversations.findById(conversationId);
    if (!conversation) throw notFound('Conversation');
    if (conversation.agent?.id !== agent.id) throw forbidden('This conversation is not assigned to you');
    const { note, created } = await storeNote(store, agent, conversationId, clientNoteId, body, this.#deps.now());
    if (created) events.publish({ type: 'note.created', conversation, note });
    return note;
  }
}

/** Stores an agent's note, once per clientNoteId; who may write it and who hears of it is the caller's. */
export function storeNote(
  store: Store,
  agent: AgentRecord,
  conversationId: string,
  clientNoteId: string,
  body: string,
  now: Date,
): Promise<{ note: Note; created: boolean }> {
  return store.notes.add({
    id: newId('note'),
    conversationId,
    clientNoteId,
    author: { id: agent.id, name: agent.name },
    body,
    transferredTo: null,
    now: now.toISOString(),
  });
}
