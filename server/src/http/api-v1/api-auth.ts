/**
 * @module Who calls /api/v1: an API token sent as `Authorization: Bearer <token>`, looked up on every
 * request (a revoked token stops at once, in every process), counted against its own rate limit;
 * then each route's scope, and the sites the token is limited to, are checked here.
 */
import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import type { ApiScope } from '@parley/shared';
import { ParleyError, notFound } from '../../errors.ts';
import type { ApiTokenRecord, ApiTokens } from '../../domain/api-tokens.ts';
import type { RateLimit } from '../../limits/rate-limit.ts';
import { rateLimited } from '../../limits/rate-limited.ts';

// Keyed by request rather than res.locals, whose values are untyped (as agent-session.ts does).
const callers = new WeakMap<Request, ApiTokenRecord>();

function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** 401 without a live token, 429 past the token's rate limit. */
export function requireApiToken(tokens: ApiTokens, limit: RateLimit): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    const record = token === undefined ? undefined : await tokens.authenticate(token);
    if (!record) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="parley"');
      throw new ParleyError(
        ErrorCode.Unauthorized,
        token === undefined
          ? 'Send an API token as Authorization: Bearer <token>'
          : 'This API token is not valid (unknown or revoked)',
      );
    }
    const waitMs = await limit.consume(record.id);
    if (waitMs > 0) throw rateLimited('Too many requests with this API token', waitMs);
    callers.set(req, record);
    next();
  };
}

export function apiTokenOf(req: Request): ApiTokenRecord {
  const record = callers.get(req);
  if (!record) throw new Error('apiTokenOf() called on a route without requireApiToken');
  return record;
}

/** Every scope may read; write and admin are granted only by themselves. */
export function grants(token: ApiTokenRecord, scope: ApiScope): boolean {
  return scope === 'read' ? token.scopes.length > 0 : token.scopes.includes(scope);
}

export function requireScope(scope: ApiScope): RequestHandler {
  return (req, _res, next) => {
    if (!grants(apiTokenOf(req), scope)) {
      throw new ParleyError(ErrorCode.Forbidden, `This API token lacks the ${scope} scope`);
    }
    next();
  };
}

export function allowsSite(token: ApiTokenRecord, siteId: string): boolean {
  return token.siteIds === null || token.siteIds.includes(siteId);
}

/** Another site's record answers exactly like a missing one: ids are not an oracle. */
export function assertSite(token: ApiTokenRecord, siteId: string, what: string): void {
  if (!allowsSite(token, siteId)) throw notFound(what);
}
