/**
 * @module Conversations in SQL: the reads (conversation-queries.ts) and the conditional writes
 * (conversation-writes.ts) behind one ConversationStore.
 */
import type { Kysely } from 'kysely';
import type { ConversationStore } from '../conversation-store.ts';
import type { Database } from './schema.ts';
import type { Engine } from '../store.ts';
import { createConversationQueries } from './conversation-queries.ts';
import { createConversationWrites } from './conversation-writes.ts';

export function createConversationStore(db: Kysely<Database>, engine: Engine): ConversationStore {
  const queries = createConversationQueries(db);
  return { ...queries, ...createConversationWrites(db, engine, queries.findById) };
}
