/**
 * @module Canned responses in SQL: shared ones have no owner, personal ones belong to one agent.
 */
import type { Kysely } from 'kysely';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../../errors.ts';
import type { CannedResponseStore } from '../canned-response-store.ts';
import type { CannedResponsesTable, Database } from './schema.ts';
import { toCannedResponse } from './mappers.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { contentColumn } from './rich-content-column.ts';

const shortcutTaken = (shortcut: string, cause: unknown): ParleyError =>
  new ParleyError(ErrorCode.Conflict, `There is already a canned response with the shortcut /${shortcut}`, { cause });

export function createCannedResponseStore(db: Kysely<Database>): CannedResponseStore {
  const findById = async (id: string) => {
    const row = await db.selectFrom('canned_responses').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCannedResponse(row) : undefined;
  };

  return {
    findById,
    async listFor(agentId) {
      const rows = await db
        .selectFrom('canned_responses')
        .selectAll()
        .where((eb) => eb.or([eb('agent_id', 'is', null), eb('agent_id', '=', agentId)]))
        .execute();
      // Sorted here: "nulls first" is spelled differently by the two engines.
      return rows
        .map(toCannedResponse)
        .sort((a, b) =>
          a.scope === b.scope
            ? a.shortcut < b.shortcut
              ? -1
              : a.shortcut > b.shortcut
                ? 1
                : 0
            : a.scope === 'shared'
              ? -1
              : 1,
        );
    },
    async create({ id, ownerId, shortcut, body, content, now }) {
      const row: CannedResponsesTable = {
        id,
        agent_id: ownerId,
        shortcut,
        body,
        content: contentColumn(content),
        created_at: now,
        updated_at: now,
      };
      try {
        await db.insertInto('canned_responses').values(row).execute();
      } catch (error) {
        throw isUniqueViolation(error) ? shortcutTaken(shortcut, error) : error;
      }
      return toCannedResponse(row);
    },
    async update(id, { shortcut, body, content, now }) {
      try {
        await db
          .updateTable('canned_responses')
          .set({ shortcut, body, content: contentColumn(content), updated_at: now })
          .where('id', '=', id)
          .execute();
      } catch (error) {
        throw isUniqueViolation(error) ? shortcutTaken(shortcut, error) : error;
      }
      return findById(id);
    },
    async delete(id) {
      const result = await db.deleteFrom('canned_responses').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
