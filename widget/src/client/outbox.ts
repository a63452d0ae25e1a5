/**
 * @module The outbox: messages the visitor wrote that the server has not acknowledged yet (the
 * shared client core's list, oldest first). Persisted so a message typed offline, or in flight when
 * the page reloads, is still sent; each entry keeps its clientMessageId for life, which is what lets
 * the server store a resend only once.
 */
import type { Attachment, ProactiveOrigin, RichAnswer, VisitorContact } from '@parley/shared';
import { addPending, newClientMessageId, removePending } from '@parley/shared/client-core';
import { parseJson, type KeyValueStore } from './local-store.ts';
import { isArrayOf, isRecord, isString } from './stored-shapes.ts';

export interface OutboxEntry {
  clientMessageId: string;
  body: string;
  /** When the visitor pressed Send (ISO): only for display, the server stamps its own time. */
  createdAt: string;
  /** The pre-chat form's answers, on the message that starts the chat. */
  contact?: VisitorContact;
  /** The proactive message this one answers: a chat it starts opens with that message. */
  proactive?: ProactiveOrigin;
  /** The quick-reply choice or form answer this message is (the server checks it against the offer). */
  answer?: RichAnswer;
  /** files-in-chat: the files this message carries, uploaded already (the ids survive a reload; the bytes are on the server). */
  attachments?: Attachment[];
  /** Quoted reply: the id of the message this one answers. */
  replyToId?: string | undefined;
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  return (
    isRecord(value) &&
    isString(value.clientMessageId) &&
    isString(value.body) &&
    isString(value.createdAt) &&
    (value.contact === undefined || isContact(value.contact)) &&
    (value.proactive === undefined || isOrigin(value.proactive)) &&
    (value.answer === undefined || isRecord(value.answer)) &&
    (value.replyToId === undefined || isString(value.replyToId))
  );
}

function isContact(value: unknown): value is VisitorContact {
  return (
    isRecord(value) &&
    (value.name === undefined || isString(value.name)) &&
    (value.email === undefined || isString(value.email))
  );
}

function isOrigin(value: unknown): value is ProactiveOrigin {
  return (
    isRecord(value) &&
    (value.kind === 'rule' ? isString(value.ruleId) : value.kind === 'invite' && isString(value.inviteId))
  );
}

export class Outbox {
  readonly #store: KeyValueStore;

  constructor(store: KeyValueStore) {
    this.#store = store;
  }

  /** Entries in the order they were written, which is the order they must be sent. */
  list(): OutboxEntry[] {
    // read from storage on every call rather than caching: another tab of the same site may have
    // added or removed entries, and writing back a stale copy would lose them
    const stored = parseJson(this.#store.read('outbox'));
    return isArrayOf(stored, isOutboxEntry) ? stored : [];
  }

  add(
    body: string,
    about: Pick<OutboxEntry, 'contact' | 'proactive' | 'answer' | 'attachments' | 'replyToId'> = {},
    now: Date = new Date(),
  ): OutboxEntry {
    const entry: OutboxEntry = { clientMessageId: newClientMessageId(), body, createdAt: now.toISOString(), ...about };
    this.#save(addPending(this.list(), entry));
    return entry;
  }

  remove(clientMessageId: string): void {
    this.#save(removePending(this.list(), clientMessageId));
  }

  #save(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.#store.remove('outbox');
    else this.#store.write('outbox', JSON.stringify(entries));
  }
}
