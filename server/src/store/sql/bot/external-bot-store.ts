/**
 * @module External bots in SQL (migration 0029), the table added with `withTables` like the answer
 * bot's own (bot-tables.ts).
 */
import type { Kysely } from 'kysely';
import type { ExternalBotRecord, ExternalBotStore } from '../../external-bot-store.ts';
import type { Database } from '../schema.ts';

interface ExternalBotsTable {
  site_id: string;
  url: string;
  secret: string;
  token_id: string;
  created_at: string;
  updated_at: string;
}

// a type alias, not an interface: kysely's withTables wants a type with an index signature
type ExternalBotTables = { external_bots: ExternalBotsTable };

function toRecord(row: ExternalBotsTable): ExternalBotRecord {
  return {
    siteId: row.site_id,
    url: row.url,
    secret: row.secret,
    tokenId: row.token_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createExternalBotStore(plain: Kysely<Database>): ExternalBotStore {
  const db = plain.withTables<ExternalBotTables>();
  return {
    async find(siteId) {
      const row = await db.selectFrom('external_bots').selectAll().where('site_id', '=', siteId).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async save(record) {
      const values = {
        site_id: record.siteId,
        url: record.url,
        secret: record.secret,
        token_id: record.tokenId,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      };
      await db
        .insertInto('external_bots')
        .values(values)
        .onConflict((oc) =>
          oc.column('site_id').doUpdateSet({
            url: values.url,
            secret: values.secret,
            token_id: values.token_id,
            updated_at: values.updated_at,
          }),
        )
        .execute();
    },
    async delete(siteId) {
      const result = await db.deleteFrom('external_bots').where('site_id', '=', siteId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
