/**
 * @module The answer bot's storage in SQL (migration 0027): settings per site, and the record of each
 * conversation a bot handled. Moving a conversation out of the bot's hands is one conditional update
 * of its status (`bot` → queued or closed) in the same transaction as the record: whichever of a
 * handoff, a timeout or a resolution comes first wins, the others find it gone.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  BotModeSchema,
  BotSettingsSchema,
  DEFAULT_BOT_SETTINGS,
  HandoffReasonSchema,
  type BotSettings,
  type Conversation,
} from '@parley/shared';
import type { BotArticle, BotConversationRecord, BotStore } from '../../bot-store.ts';
import type { Database } from '../schema.ts';
import { withBotTables, type BotConversationsTable, type BotDatabase } from './bot-tables.ts';

const BotArticleSchema = z.object({ id: z.string(), title: z.string() });

function parseArticles(text: string): BotArticle[] {
  try {
    const parsed = z.array(BotArticleSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function toRecord(row: BotConversationsTable): BotConversationRecord {
  const mode = BotModeSchema.safeParse(row.mode);
  const reason = HandoffReasonSchema.safeParse(row.handoff_reason);
  return {
    conversationId: row.conversation_id,
    siteId: row.site_id,
    mode: mode.success ? mode.data : 'builtin',
    startedAt: row.started_at,
    waitingSince: row.waiting_since,
    resolvedAt: row.resolved_at,
    handedOffAt: row.handed_off_at,
    handoffReason: reason.success ? reason.data : null,
    articles: parseArticles(row.articles),
  };
}

/** Stored settings read leniently: a field a later version dropped or renamed falls back to its default. */
function toSettings(mode: string, text: string): BotSettings {
  let stored: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) stored = value as Record<string, unknown>;
  } catch {
    // unreadable: the defaults below
  }
  const wording = typeof stored.wording === 'object' && stored.wording !== null ? stored.wording : {};
  const merged = {
    ...DEFAULT_BOT_SETTINGS,
    ...stored,
    mode,
    wording: { ...DEFAULT_BOT_SETTINGS.wording, ...wording },
  };
  const parsed = BotSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : { ...DEFAULT_BOT_SETTINGS, mode: BotModeSchema.catch('off').parse(mode) };
}

export function createBotStore(
  plain: Kysely<Database>,
  findConversation: (id: string) => Promise<Conversation | undefined>,
): BotStore {
  const db = withBotTables(plain);

  /** Runs `move` (the conditional status change) and, only when it changed a row, `record`. */
  const leaveBot = async (
    conversationId: string,
    move: (trx: Transaction<BotDatabase>) => Promise<bigint>,
    record: Partial<BotConversationsTable>,
  ): Promise<Conversation | undefined> => {
    const moved = await db.transaction().execute(async (trx) => {
      if ((await move(trx)) === 0n) return false;
      await trx
        .updateTable('bot_conversations')
        .set({ ...record, waiting_since: null })
        .where('conversation_id', '=', conversationId)
        .execute();
      return true;
    });
    return moved ? findConversation(conversationId) : undefined;
  };

  return {
    async settings(siteId) {
      const row = await db.selectFrom('bot_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst();
      return row ? toSettings(row.mode, row.settings) : undefined;
    },
    async saveSettings(siteId, settings, now) {
      const { mode, ...rest } = settings;
      const values = { mode, settings: JSON.stringify(rest), updated_at: now };
      await db
        .insertInto('bot_settings')
        .values({ site_id: siteId, ...values })
        .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
        .execute();
    },
    async start({ conversationId, siteId, mode, now }) {
      await db
        .insertInto('bot_conversations')
        .values({
          conversation_id: conversationId,
          site_id: siteId,
          mode,
          started_at: now,
          waiting_since: null,
          resolved_at: null,
          handed_off_at: null,
          handoff_reason: null,
          articles: '[]',
        })
        .onConflict((oc) => oc.column('conversation_id').doNothing())
        .execute();
    },
    async find(conversationId) {
      const row = await db
        .selectFrom('bot_conversations')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async setWaiting(conversationId, since) {
      const query = db.updateTable('bot_conversations').set({ waiting_since: since });
      // the first unanswered message starts the clock; later ones do not reset it
      await (since === null ? query : query.where('waiting_since', 'is', null))
        .where('conversation_id', '=', conversationId)
        .where('handed_off_at', 'is', null)
        .where('resolved_at', 'is', null)
        .execute();
    },
    async addArticles(conversationId, articles) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('bot_conversations')
          .select('articles')
          .where('conversation_id', '=', conversationId)
          .executeTakeFirst();
        if (!row) return;
        const known = parseArticles(row.articles);
        const added = articles.filter((a) => !known.some((k) => k.id === a.id));
        if (added.length === 0) return;
        await trx
          .updateTable('bot_conversations')
          .set({ articles: JSON.stringify([...known, ...added]) })
          .where('conversation_id', '=', conversationId)
          .execute();
      });
    },
    handOff: (conversationId, reason, now) =>
      leaveBot(
        conversationId,
        async (trx) =>
          (
            await trx
              .updateTable('conversations')
              .set({ status: 'queued' })
              .where('id', '=', conversationId)
              .where('status', '=', 'bot')
              .executeTakeFirst()
          ).numUpdatedRows,
        { handed_off_at: now, handoff_reason: reason },
      ),
    resolve: (conversationId, now) =>
      leaveBot(
        conversationId,
        async (trx) =>
          (
            await trx
              .updateTable('conversations')
              .set({ status: 'closed', closed_at: now, closed_by: 'bot' })
              .where('id', '=', conversationId)
              .where('status', '=', 'bot')
              .executeTakeFirst()
          ).numUpdatedRows,
        { resolved_at: now },
      ),
    async listWaitingSince(cutoff, limit) {
      const rows = await db
        .selectFrom('bot_conversations')
        .selectAll()
        .where('waiting_since', '<', cutoff)
        .orderBy('waiting_since')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
    async listRatings(siteId, from, to) {
      let query = db
        .selectFrom('conversations')
        .select(['rating', 'closed_by', 'first_assigned_at'])
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .where('status', '=', 'closed')
        .where('rating', 'is not', null);
      if (siteId !== null) query = query.where('site_id', '=', siteId);
      const rows = await query.execute();
      return rows.flatMap((row) =>
        row.rating === null
          ? []
          : [{ rating: Number(row.rating), closedBy: row.closed_by, agentTook: row.first_assigned_at !== null }],
      );
    },
    async listStarted(siteId, from, to) {
      let query = db
        .selectFrom('bot_conversations')
        .selectAll()
        .where('started_at', '>=', from)
        .where('started_at', '<', to);
      if (siteId !== null) query = query.where('site_id', '=', siteId);
      const rows = await query.orderBy('started_at').orderBy('conversation_id').execute();
      return rows.map(toRecord);
    },
  };
}
