/**
 * @module API tokens (issue 21): created by an admin (console) or on the command line (`parley token
 * create`), shown once, kept as a SHA-256 hash; a Bearer token is looked up by that hash. A token
 * carries scopes (read, write, admin) and optionally the sites it may touch; revoking is for good.
 */
import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX, type ApiScope } from '@parley/shared';
import { notFound } from '../errors.ts';
import type { ApiTokenRecord } from '../store/api-token-store.ts';
import type { Store } from '../store/store.ts';
import { newId } from './ids.ts';

export type { ApiTokenRecord };

/** A token's last use is written at most this often: a busy integration must not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Characters of the plain token kept to tell tokens apart in the console (prefix + 6 random ones). */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

export interface NewApiToken {
  name: string;
  scopes: ApiScope[];
  /** null: every site. */
  siteIds: string[] | null;
  /** The admin creating it, or null on the command line. */
  createdBy: string | null;
  /** An external bot's token (issue 22): the site whose bot it is. */
  botSiteId?: string | null;
}

/** The random text is 32 bytes: a fast hash of it cannot be reversed, so no slow password hash is needed. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class ApiTokens {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now;
  }

  /** Stores a new token; the plain `token` is returned here and nowhere else, ever. */
  async create(input: NewApiToken): Promise<{ token: string; record: ApiTokenRecord }> {
    if (input.siteIds !== null) {
      for (const siteId of input.siteIds) {
        if (!(await this.#store.sites.findById(siteId))) throw notFound(`Site ${siteId}`);
      }
    }
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const record: ApiTokenRecord = {
      id: newId('tok'),
      name: input.name.trim(),
      scopes: [...new Set(input.scopes)],
      siteIds: input.siteIds === null ? null : [...new Set(input.siteIds)],
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      createdBy: input.createdBy,
      createdAt: this.#now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      botSiteId: input.botSiteId ?? null,
    };
    await this.#store.apiTokens.create({ ...record, tokenHash: hashApiToken(token) });
    return { token, record };
  }

  list(): Promise<ApiTokenRecord[]> {
    return this.#store.apiTokens.list();
  }

  /** Revoking twice is harmless: the first time stands. */
  async revoke(id: string): Promise<ApiTokenRecord> {
    const revoked = await this.#store.apiTokens.revoke(id, this.#now().toISOString());
    if (!revoked) throw notFound('API token');
    return revoked;
  }

  /** The live token this plain text is, recording the use; undefined for an unknown or revoked one. */
  async authenticate(token: string): Promise<ApiTokenRecord | undefined> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
    const record = await this.#store.apiTokens.findByHash(hashApiToken(token));
    if (!record || record.revokedAt !== null) return undefined;
    const now = this.#now();
    await this.#store.apiTokens.touch(
      record.id,
      now.toISOString(),
      new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString(),
    );
    return record;
  }
}
