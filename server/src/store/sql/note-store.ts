/**
 * @module Private notes in SQL. A note sits after the conversation's last message at the time it
 * was written; a retry with the same client id is stored once.
 */
import type { Kysely } from 'kysely';
import type { NoteStore } from '../note-store.ts';
import type { Database, NotesTable } from './schema.ts';
import { toNote } from './mappers.ts';
import { isUniqueViolation } from './unique-violation.ts';

export function createNoteStore(db: Kysely<Database>): NoteStore {
  const findByClientId = async (conversationId: string, clientNoteId: string) => {
    const row = await db
      .selectFrom('notes')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('client_note_id', '=', clientNoteId)
      .executeTakeFirst();
    return row ? toNote(row) : undefined;
  };

  return {
    async add(input) {
      if (input.clientNoteId !== null) {
        const existing = await findByClientId(input.conversationId, input.clientNoteId);
        if (existing) return { note: existing, created: false };
      }
      const conversation = await db
        .selectFrom('conversations')
        .select('last_seq')
        .where('id', '=', input.conversationId)
        .executeTakeFirstOrThrow();
      const row: NotesTable = {
        id: input.id,
        conversation_id: input.conversationId,
        client_note_id: input.clientNoteId,
        after_seq: Number(conversation.last_seq),
        author_id: input.author.id,
        author_name: input.author.name,
        body: input.body,
        transferred_to_id: input.transferredTo?.id ?? null,
        transferred_to_name: input.transferredTo?.name ?? null,
        created_at: input.now,
      };
      try {
        await db.insertInto('notes').values(row).execute();
      } catch (error) {
        // a retry raced the original: the loser answers with what the winner stored
        if (input.clientNoteId !== null && isUniqueViolation(error)) {
          const existing = await findByClientId(input.conversationId, input.clientNoteId);
          if (existing) return { note: existing, created: false };
        }
        throw error;
      }
      return { note: toNote(row), created: true };
    },
    async listFor(conversationId) {
      const rows = await db
        .selectFrom('notes')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('after_seq')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toNote);
    },
  };
}
