/**
 * @module Private notes: agent-only remarks on a conversation, placed after its last message.
 */
import type { Note } from '@parley/shared';

export interface NewNote {
  id: string;
  conversationId: string;
  clientNoteId: string | null;
  author: { id: string; name: string };
  body: string;
  transferredTo: { id: string; name: string } | null;
  now: string;
}

/** Private notes. Only agent-side code reads this store: nothing here may reach a visitor. */
export interface NoteStore {
  /** Stores the note after the conversation's current last message, or returns the one already stored under clientNoteId. */
  add(note: NewNote): Promise<{ note: Note; created: boolean }>;
  listFor(conversationId: string): Promise<Note[]>;
}
