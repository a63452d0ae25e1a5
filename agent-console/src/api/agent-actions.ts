/**
 * @module What an agent does beyond chatting, over the current /agent channel: choose a status,
 * accept a waiting visitor, write a private note, transfer to a colleague, reopen an ended chat,
 * invite a live visitor.
 * Each returns why it failed (for the UI to show where the agent acted), or null.
 */
import { batch } from '@preact/signals';
import { NoteBodySchema, VisitorInviteRequestSchema, type AgentStatus, type Teammate } from '@parley/shared';
import { applyAssigned, applyNote, applyPush } from '../state/conversations.ts';
import { draftOf, setDraft, type ConsoleStore } from '../state/console-store.ts';
import type { AgentChannel } from './agent-channel.ts';

export interface AgentActions {
  setStatus(status: AgentStatus): Promise<string | null>;
  /** Takes a waiting conversation and opens it. */
  accept(conversationId: string): Promise<string | null>;
  /** Sends the conversation's draft as a private note; the draft is cleared once stored. */
  addNote(conversationId: string): Promise<string | null>;
  /** Colleagues with their status and load, for choosing whom to transfer to. */
  team(): Promise<Teammate[] | string>;
  transfer(conversationId: string, toAgentId: string, note: string): Promise<string | null>;
  reopen(conversationId: string): Promise<string | null>;
  /** Shows a message from this agent in a live visitor's widget; their reply starts a chat. */
  invite(visitorId: string, message: string): Promise<string | null>;
}

const OFFLINE = 'You are offline: try again once the connection is back.';

export function createAgentActions(
  store: ConsoleStore,
  currentChannel: () => AgentChannel | null,
  newId: () => string,
): AgentActions {
  /** Runs a request on the live channel; a failure becomes the message to show. */
  async function attempt<T>(
    work: (channel: AgentChannel) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
    const channel = currentChannel();
    if (!channel || !channel.connected) return { ok: false, error: OFFLINE };
    try {
      return { ok: true, value: await work(channel) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : 'Something went wrong.' };
    }
  }

  return {
    async setStatus(status) {
      const result = await attempt((channel) => channel.setStatus({ status }));
      if (!result.ok) return result.error;
      store.data.value = applyPush(store.data.value, { event: 'agent:status', payload: result.value });
      return null;
    },

    async accept(conversationId) {
      const result = await attempt((channel) => channel.accept({ conversationId }));
      if (!result.ok) return result.error;
      batch(() => {
        store.data.value = applyAssigned(store.data.value, result.value);
        store.selectedId.value = conversationId;
      });
      return null;
    },

    async addNote(conversationId) {
      const body = draftOf(store, conversationId).trim();
      const valid = NoteBodySchema.safeParse(body);
      if (!valid.success) return body === '' ? null : 'This note is too long.';
      // one id per attempt at this text: a retry after a lost answer is stored once
      const result = await attempt((channel) =>
        channel.addNote({ conversationId, clientNoteId: newId(), body: valid.data }),
      );
      if (!result.ok) return result.error;
      batch(() => {
        store.data.value = applyNote(store.data.value, result.value.note);
        if (draftOf(store, conversationId).trim() === body) setDraft(store, conversationId, '');
      });
      return null;
    },

    async team() {
      const result = await attempt((channel) => channel.team());
      return result.ok ? result.value.agents : result.error;
    },

    async transfer(conversationId, toAgentId, note) {
      const trimmed = note.trim();
      const result = await attempt((channel) =>
        channel.transfer(trimmed === '' ? { conversationId, toAgentId } : { conversationId, toAgentId, note: trimmed }),
      );
      if (!result.ok) return result.error;
      batch(() => {
        store.data.value = applyPush(store.data.value, { event: 'conversation:updated', payload: result.value });
        setDraft(store, conversationId, '');
        if (store.selectedId.value === conversationId) store.selectedId.value = null;
        store.notice.value = null;
      });
      return null;
    },

    async reopen(conversationId) {
      const result = await attempt((channel) => channel.reopen({ conversationId }));
      if (!result.ok) return result.error;
      store.data.value = applyPush(store.data.value, { event: 'conversation:updated', payload: result.value });
      return null;
    },

    async invite(visitorId, message) {
      const checked = VisitorInviteRequestSchema.safeParse({ visitorId, message });
      if (!checked.success) return 'Write the message to show the visitor.';
      const result = await attempt((channel) => channel.inviteVisitor(checked.data));
      return result.ok ? null : result.error;
    },
  };
}
