/**
 * @module Agent sessions in SQL. Only a hash of the session token is stored, so a leaked table signs nobody in.
 */
import type { Kysely } from 'kysely';
import type { SessionStore } from '../session-store.ts';
import type { Database } from './schema.ts';

export function createSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async create(tokenHash, agentId, expiresAt) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: tokenHash,
          agent_id: agentId,
          created_at: new Date().toISOString(),
          expires_at: expiresAt,
        })
        .execute();
    },
    async find(tokenHash) {
      const row = await db
        .selectFrom('sessions')
        .select(['agent_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? { agentId: row.agent_id, expiresAt: row.expires_at } : undefined;
    },
    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteForAgent(agentId) {
      await db.deleteFrom('sessions').where('agent_id', '=', agentId).execute();
    },
  };
}
