/**
 * @module API tokens and idempotent answers in SQL (migration 0025). The unique primary key of
 * api_idempotency is what makes a key's first request win across processes.
 */
import type { Kysely } from 'kysely';
import { ApiScopeSchema } from '@parley/shared';
import type { ApiTokenRecord, ApiTokenStore, IdempotencyStore } from '../api-token-store.ts';
import type { ApiTokensTable, Database } from './schema.ts';

function toRecord(row: ApiTokensTable): ApiTokenRecord {
  const siteIds: unknown = row.site_ids === null ? null : JSON.parse(row.site_ids);
  return {
    id: row.id,
    name: row.name,
    scopes: ApiScopeSchema.array().parse(JSON.parse(row.scopes)),
    siteIds: Array.isArray(siteIds) ? siteIds.map(String) : null,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    botSiteId: row.bot_site_id,
  };
}

export function createApiTokenStore(db: Kysely<Database>): ApiTokenStore {
  const findById = async (id: string) => {
    const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  };
  return {
    async create(record) {
      await db
        .insertInto('api_tokens')
        .values({
          id: record.id,
          name: record.name,
          token_hash: record.tokenHash,
          prefix: record.prefix,
          scopes: JSON.stringify(record.scopes),
          site_ids: record.siteIds === null ? null : JSON.stringify(record.siteIds),
          created_by: record.createdBy,
          created_at: record.createdAt,
          last_used_at: record.lastUsedAt,
          revoked_at: record.revokedAt,
          bot_site_id: record.botSiteId,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    findById,
    async list() {
      const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toRecord);
    },
    async revoke(id, now) {
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      return findById(id);
    },
    async touch(id, now, unlessAfter) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', unlessAfter)]))
        .execute();
    },
  };
}

export function createIdempotencyStore(db: Kysely<Database>): IdempotencyStore {
  const where = (tokenId: string, key: string) =>
    db.updateTable('api_idempotency').where('token_id', '=', tokenId).where('idempotency_key', '=', key);
  return {
    async claim(tokenId, key, requestHash, now) {
      const result = await db
        .insertInto('api_idempotency')
        .values({
          token_id: tokenId,
          idempotency_key: key,
          request_hash: requestHash,
          status: null,
          response: null,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['token_id', 'idempotency_key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async find(tokenId, key) {
      const row = await db
        .selectFrom('api_idempotency')
        .select(['request_hash', 'status', 'response'])
        .where('token_id', '=', tokenId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (!row) return undefined;
      const answer = row.status === null ? undefined : { status: row.status, body: row.response ?? '' };
      return { requestHash: row.request_hash, answer };
    },
    async complete(tokenId, key, answer) {
      await where(tokenId, key).set({ status: answer.status, response: answer.body }).execute();
    },
    async release(tokenId, key) {
      await db
        .deleteFrom('api_idempotency')
        .where('token_id', '=', tokenId)
        .where('idempotency_key', '=', key)
        .where('status', 'is', null)
        .execute();
    },
    async deleteBefore(before) {
      const result = await db.deleteFrom('api_idempotency').where('created_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
