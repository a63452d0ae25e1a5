/**
 * @module API tokens (issue 21): the hash of each plain token with its scopes and sites, and the
 * answers of idempotent writes. Revoked tokens stay listed (who made what, when it stopped).
 */
import type { ApiScope } from '@parley/shared';

export interface ApiTokenRecord {
  id: string;
  name: string;
  scopes: ApiScope[];
  /** null: every site. */
  siteIds: string[] | null;
  prefix: string;
  /** The admin who created it (an agent id), or null for one made on the command line. */
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** An external bot's token (issue 22): the site whose bot it is; it may act only on that bot's conversations. */
  botSiteId: string | null;
}

export interface ApiTokenStore {
  create(record: ApiTokenRecord & { tokenHash: string }): Promise<void>;
  /** A token by the hash of its plain text, revoked or not. */
  findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  findById(id: string): Promise<ApiTokenRecord | undefined>;
  /** Newest first. */
  list(): Promise<ApiTokenRecord[]>;
  /** Sets revokedAt unless it is set already; the token as it is now, or undefined when there is none. */
  revoke(id: string, now: string): Promise<ApiTokenRecord | undefined>;
  /** Records a use, writing only when the last recorded one is before `unless` (one write a minute, not one a request). */
  touch(id: string, now: string, unlessAfter: string): Promise<void>;
}

/** The stored answer of a write sent with an Idempotency-Key. */
export interface IdempotentAnswer {
  requestHash: string;
  /** undefined while the first request with this key is still running. */
  answer: { status: number; body: string } | undefined;
}

export interface IdempotencyStore {
  /**
   * Claims `key` for this token: true when this request is the first with it (it runs and then
   * `complete`s), false when another request claimed it before (read it with `find`).
   */
  claim(tokenId: string, key: string, requestHash: string, now: string): Promise<boolean>;
  find(tokenId: string, key: string): Promise<IdempotentAnswer | undefined>;
  complete(tokenId: string, key: string, answer: { status: number; body: string }): Promise<void>;
  /** A first request that failed before it answered: the key may be used again. */
  release(tokenId: string, key: string): Promise<void>;
  /** Forgets answers older than `before`; how many. */
  deleteBefore(before: string): Promise<number>;
}
