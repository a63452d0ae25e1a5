/**
 * @module Outbound webhooks in SQL. The claim is one conditional UPDATE … RETURNING over each
 * target's oldest unfinished delivery (as the mail outbox claims, outbox-store.ts): on PostgreSQL
 * the candidates are locked FOR UPDATE SKIP LOCKED, and the row is checked again on update, so two
 * processes never take the same delivery; a later delivery of the same target is not a candidate
 * while an earlier one is pending or being sent, which keeps each target's events in order.
 */
import type { Kysely, Selectable } from 'kysely';
import type { WebhookDeliveryStatus, WebhookEventType } from '@parley/shared';
import type { Engine } from '../store.ts';
import type { WebhookDeliveryRecord, WebhookEndpointRecord, WebhookStore } from '../webhook-store.ts';
import type { Database, WebhookDeliveriesTable, WebhookEndpointsTable } from './schema.ts';

const UNFINISHED: WebhookDeliveryStatus[] = ['pending', 'sending'];

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    url: row.url,
    secret: row.secret,
    events: JSON.parse(row.events) as WebhookEventType[],
    enabled: Number(row.enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDeliveryRecord {
  return {
    id: row.id,
    targetKey: row.target_key,
    endpointId: row.endpoint_id,
    url: row.target_url,
    secret: row.target_secret,
    eventId: row.event_id,
    eventType: row.event_type,
    body: row.body,
    createdAt: row.created_at,
    status: row.status as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    claimToken: row.claim_token,
    lastAttemptAt: row.last_attempt_at,
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    responseExcerpt: row.response_excerpt,
    deliveredAt: row.delivered_at,
  };
}

export function createWebhookStore(db: Kysely<Database>, engine: Engine): WebhookStore {
  return {
    async listEndpoints(siteId) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toEndpoint);
    },
    async findEndpoint(id) {
      const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEndpoint(row) : undefined;
    },
    async createEndpoint(endpoint) {
      await db
        .insertInto('webhook_endpoints')
        .values({
          id: endpoint.id,
          site_id: endpoint.siteId,
          url: endpoint.url,
          secret: endpoint.secret,
          events: JSON.stringify(endpoint.events),
          enabled: endpoint.enabled ? 1 : 0,
          created_at: endpoint.createdAt,
          updated_at: endpoint.updatedAt,
        })
        .execute();
    },
    async updateEndpoint(id, change, now) {
      const row = await db
        .updateTable('webhook_endpoints')
        .set({
          updated_at: now,
          ...(change.url === undefined ? {} : { url: change.url }),
          ...(change.secret === undefined ? {} : { secret: change.secret }),
          ...(change.events === undefined ? {} : { events: JSON.stringify(change.events) }),
          ...(change.enabled === undefined ? {} : { enabled: change.enabled ? 1 : 0 }),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toEndpoint(row) : undefined;
    },
    async deleteEndpoint(id) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
        const result = await trx.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) === 1;
      });
    },

    async enqueue(deliveries) {
      if (deliveries.length === 0) return;
      await db
        .insertInto('webhook_deliveries')
        .values(
          deliveries.map((d) => ({
            id: d.id,
            target_key: d.targetKey,
            endpoint_id: d.endpointId,
            target_url: d.url,
            target_secret: d.secret,
            event_id: d.eventId,
            event_type: d.eventType,
            body: d.body,
            status: 'pending',
            attempts: 0,
            next_attempt_at: d.createdAt,
            claim_token: null,
            last_attempt_at: null,
            response_status: null,
            response_excerpt: null,
            created_at: d.createdAt,
            delivered_at: null,
          })),
        )
        .execute();
    },
    async claimDue({ now, leaseUntil, limit, claimToken }) {
      let heads = db
        .selectFrom('webhook_deliveries as d')
        .select('d.seq')
        .where('d.status', 'in', UNFINISHED)
        .where('d.next_attempt_at', '<=', now)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('webhook_deliveries as e')
                .select('e.seq')
                .whereRef('e.target_key', '=', 'd.target_key')
                .where('e.status', 'in', UNFINISHED)
                .whereRef('e.seq', '<', 'd.seq'),
            ),
          ),
        )
        .orderBy('d.seq')
        .limit(limit);
      if (engine === 'postgres') heads = heads.forUpdate().skipLocked();
      const rows = await db
        .updateTable('webhook_deliveries')
        // while claimed, next_attempt_at is the lease: past it, another sender may take it over
        .set((eb) => ({
          status: 'sending',
          claim_token: claimToken,
          attempts: eb('attempts', '+', 1),
          next_attempt_at: leaseUntil,
        }))
        .where('seq', 'in', heads)
        // checked again on the row itself: a concurrent claimer that committed first makes this one skip it
        .where('status', 'in', UNFINISHED)
        .where('next_attempt_at', '<=', now)
        .returningAll()
        .execute();
      return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map(toDelivery);
    },
    async markDelivered(id, claimToken, outcome) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({
          status: 'delivered',
          claim_token: null,
          delivered_at: outcome.at,
          last_attempt_at: outcome.at,
          response_status: outcome.responseStatus,
          response_excerpt: outcome.responseExcerpt,
        })
        .where('id', '=', id)
        .where('claim_token', '=', claimToken)
        .where('status', '=', 'sending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markFailed(id, claimToken, outcome, retryAt) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: retryAt === null ? 'failed' : 'pending',
          next_attempt_at: retryAt ?? eb.ref('next_attempt_at'),
          claim_token: null,
          last_attempt_at: outcome.at,
          response_status: outcome.responseStatus,
          response_excerpt: outcome.responseExcerpt,
        }))
        .where('id', '=', id)
        .where('claim_token', '=', claimToken)
        .where('status', '=', 'sending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async findDelivery(id) {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDelivery(row) : undefined;
    },
    async pruneFinished(before) {
      const result = await db
        .deleteFrom('webhook_deliveries')
        .where('status', 'in', ['delivered', 'failed'])
        .where('created_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async recentDeliveries(endpointId, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('endpoint_id', '=', endpointId)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
  };
}
