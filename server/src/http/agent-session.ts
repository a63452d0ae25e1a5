/**
 * @module Who is calling a console endpoint: the session cookie must name an active agent, and
 * admin routes also need the admin role. Checked here on every request, whatever the console shows.
 */
import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { AgentAuth } from '../domain/agent-auth.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import { sessionTokenOf } from './auth-router.ts';

// Keyed by request rather than res.locals, whose values are untyped.
const signedIn = new WeakMap<Request, AgentRecord>();

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A changing request that names a foreign Origin is refused (403): the session cookie is
 * SameSite=Lax, and this closes what Lax leaves open (a sibling origin of the same site).
 */
export function refuseForeignOrigin(req: Request, consoleOrigins: () => string[]): void {
  const origin = req.headers.origin;
  if (!SAFE_METHODS.has(req.method) && origin !== undefined && !consoleOrigins().includes(origin)) {
    throw new ParleyError(ErrorCode.Forbidden, 'The console cannot be used from this origin');
  }
}

/** Rejects requests without a valid session (401), and changing requests from a foreign origin (403). */
export function requireAgent(auth: AgentAuth, consoleOrigins: () => string[]): RequestHandler {
  return async (req, _res, next) => {
    refuseForeignOrigin(req, consoleOrigins);
    const agent = await auth.authenticate(sessionTokenOf(req));
    if (!agent) throw new ParleyError(ErrorCode.Unauthorized, 'Sign in first');
    signedIn.set(req, agent);
    next();
  };
}

/** After requireAgent: only admins pass. */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (signedInAgent(req).role !== 'admin') {
    throw new ParleyError(ErrorCode.Forbidden, 'Only admins can do this; ask an admin of your Parley.');
  }
  next();
};

export function signedInAgent(req: Request): AgentRecord {
  const agent = signedIn.get(req);
  if (!agent) throw new Error('signedInAgent() called on a route without requireAgent');
  return agent;
}
