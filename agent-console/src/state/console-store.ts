/**
 * @module The console's signals: who is signed in, whether the socket is up, the conversations, the outbox,
 * drafts and the selection. Components read these; only the session in src/api/ writes the protocol parts.
 * A factory rather than module globals, so every test starts from a fresh store.
 */
import { signal, type Signal } from '@preact/signals';
import type { Agent, LiveVisitor, VisitorDetails } from '@parley/shared';
import { emptyConsoleData, type ConsoleData } from './conversations.ts';
import type { Outbox } from './outbox.ts';

export type AuthState =
  { status: 'checking' } | { status: 'signed-out'; error: string | null } | { status: 'signed-in'; agent: Agent };

export type ConnectionState = 'connecting' | 'online';

export interface ConsoleStore {
  readonly auth: Signal<AuthState>;
  readonly connection: Signal<ConnectionState>;
  readonly data: Signal<ConsoleData>;
  readonly outbox: Signal<Outbox>;
  /** Unsent text per conversation id, kept while the agent switches between conversations. */
  readonly drafts: Signal<ReadonlyMap<string, string>>;
  readonly selectedId: Signal<string | null>;
  /** A failure worth telling the agent about (e.g. a close that did not go through). */
  readonly notice: Signal<string | null>;
  /** The visitor panel's contents by visitor id, for the visitors of conversations the agent has opened. */
  readonly visitors: Signal<ReadonlyMap<string, VisitorDetails>>;
  /** Who is on the sites now; null until the live visitors page first asks. */
  readonly liveVisitors: Signal<readonly LiveVisitor[] | null>;
}

export function createConsoleStore(): ConsoleStore {
  return {
    auth: signal<AuthState>({ status: 'checking' }),
    connection: signal<ConnectionState>('connecting'),
    data: signal<ConsoleData>(emptyConsoleData),
    outbox: signal<Outbox>([]),
    drafts: signal<ReadonlyMap<string, string>>(new Map()),
    selectedId: signal<string | null>(null),
    notice: signal<string | null>(null),
    visitors: signal<ReadonlyMap<string, VisitorDetails>>(new Map()),
    liveVisitors: signal<readonly LiveVisitor[] | null>(null),
  };
}

/** Forget everything of the previous agent: used on sign-out and when the session expires. */
export function resetConversations(store: ConsoleStore): void {
  store.data.value = emptyConsoleData;
  store.outbox.value = [];
  store.drafts.value = new Map();
  store.selectedId.value = null;
  store.notice.value = null;
  store.visitors.value = new Map();
  store.liveVisitors.value = null;
  store.connection.value = 'connecting';
}

export function draftOf(store: ConsoleStore, conversationId: string): string {
  return store.drafts.value.get(conversationId) ?? '';
}

export function setDraft(store: ConsoleStore, conversationId: string, text: string): void {
  const drafts = new Map(store.drafts.value);
  if (text === '') drafts.delete(conversationId);
  else drafts.set(conversationId, text);
  store.drafts.value = drafts;
}
