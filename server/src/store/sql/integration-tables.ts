/**
 * @module Table shapes of what other systems use (issue 21): the public API's tokens and remembered
 * answers (migration 0025) and outbound webhooks (migration 0026). Part of `Database` (schema.ts).
 */
import type { Generated } from 'kysely';

/** An API token (migration 0025): only its hash is kept. */
export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string; // JSON array
  site_ids: string | null; // JSON array; null: every site
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** An external bot's token (migration 0029): the site whose bot it is; null for every other token. */
  bot_site_id: string | null;
}

/** A write's first answer under its Idempotency-Key (migration 0025). */
export interface ApiIdempotencyTable {
  token_id: string;
  idempotency_key: string;
  request_hash: string;
  status: number | null;
  response: string | null;
  created_at: string;
}

/** A site's webhook endpoint (migration 0026). */
export interface WebhookEndpointsTable {
  id: string;
  site_id: string;
  url: string;
  secret: string;
  events: string; // JSON array of event types
  enabled: number;
  created_at: string;
  updated_at: string;
}

/** One event to one target (migration 0026); `seq` orders a target's deliveries. */
export interface WebhookDeliveriesTable {
  seq: Generated<number | string>;
  id: string;
  target_key: string;
  endpoint_id: string | null;
  target_url: string | null;
  target_secret: string | null;
  event_id: string;
  event_type: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claim_token: string | null;
  last_attempt_at: string | null;
  response_status: number | null;
  response_excerpt: string | null;
  created_at: string;
  delivered_at: string | null;
}
