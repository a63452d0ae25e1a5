/**
 * @module The answer bot's tables as kysely sees them (migration 0027), added to the database type
 * with `withTables`, so schema.ts stays as it is (like the help center's tables).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface BotSettingsTable {
  site_id: string;
  mode: string;
  settings: string; // JSON BotSettings without mode
  updated_at: string;
}

export interface BotConversationsTable {
  conversation_id: string;
  site_id: string;
  mode: string;
  started_at: string;
  waiting_since: string | null;
  resolved_at: string | null;
  handed_off_at: string | null;
  handoff_reason: string | null;
  articles: string; // JSON BotArticle[]
}

// a type alias, not an interface: kysely's withTables wants a type with an index signature
export type BotTables = {
  bot_settings: BotSettingsTable;
  bot_conversations: BotConversationsTable;
};

export type BotDatabase = Database & BotTables;

export const withBotTables = (db: Kysely<Database>): Kysely<BotDatabase> => db.withTables<BotTables>();
