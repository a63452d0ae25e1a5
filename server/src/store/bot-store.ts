/**
 * @module The answer bot's storage (issue 22): each site's bot settings, and the record of every
 * conversation a bot handled (how it ended, why it was handed off, which articles it offered). The
 * moves of a conversation out of the bot's hands are atomic: a handoff and a resolution cannot both win.
 */
import type { BotMode, BotSettings, Conversation, HandoffReason } from '@parley/shared';

/** An article the bot offered in a conversation. */
export interface BotArticle {
  id: string;
  title: string;
}

export interface BotConversationRecord {
  conversationId: string;
  siteId: string;
  mode: BotMode;
  startedAt: string;
  waitingSince: string | null;
  resolvedAt: string | null;
  handedOffAt: string | null;
  handoffReason: HandoffReason | null;
  articles: BotArticle[];
}

export interface BotStore {
  /** The site's settings; undefined when it never set any (the bot is off). */
  settings(siteId: string): Promise<BotSettings | undefined>;
  saveSettings(siteId: string, settings: BotSettings, now: string): Promise<void>;
  /** Records that the bot took this conversation (its status is `bot` from creation). */
  start(input: { conversationId: string; siteId: string; mode: BotMode; now: string }): Promise<void>;
  find(conversationId: string): Promise<BotConversationRecord | undefined>;
  /** A visitor's message waits for the bot since `since` (kept if it already waits); null: answered. */
  setWaiting(conversationId: string, since: string | null): Promise<void>;
  /** Adds articles the bot offered (each once). */
  addArticles(conversationId: string, articles: BotArticle[]): Promise<void>;
  /**
   * From `bot` to `queued` in one transaction, with the reason and time; undefined when the
   * conversation is no longer the bot's (handed off or closed meanwhile).
   */
  handOff(conversationId: string, reason: HandoffReason, now: string): Promise<Conversation | undefined>;
  /** From `bot` to closed by the bot, resolved; undefined when it is no longer the bot's. */
  resolve(conversationId: string, now: string): Promise<Conversation | undefined>;
  /** Conversations still with a bot whose visitor has waited since before `cutoff`. */
  listWaitingSince(cutoff: string, limit: number): Promise<BotConversationRecord[]>;
  /**
   * Ratings of the closed conversations started in [from, to) on the site (every site when null):
   * who closed each and whether an agent ever took it, for the bot report's CSAT comparison.
   */
  listRatings(
    siteId: string | null,
    from: string,
    to: string,
  ): Promise<Array<{ rating: number; closedBy: string | null; agentTook: boolean }>>;
  /** Those the bot took in [from, to) on the site (every site when null), oldest first. */
  listStarted(siteId: string | null, from: string, to: string): Promise<BotConversationRecord[]>;
}
