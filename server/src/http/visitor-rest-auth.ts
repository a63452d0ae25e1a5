/**
 * @module Who is calling a widget REST endpoint: the site by its key, the page's Origin among the
 * site's allowed origins (as the socket handshake checks it), and the visitor by the signed token the
 * widget holds, in the x-parley-visitor-token header. Also the CORS answers those pages need.
 */
import type { Request, RequestHandler, Response } from 'express';
import { VISITOR_TOKEN_HEADER } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { VisitorTokens } from '../domain/visitor-tokens.ts';

export interface VisitorCaller {
  visitorId: string;
  siteId: string;
}

const callers = new WeakMap<Request, VisitorCaller>();

/** Lets the site's own pages read the answer (set before anything can fail, so errors are readable too). */
async function allowSiteOrigin(store: Store, req: Request, res: Response) {
  res.setHeader('Vary', 'Origin');
  const siteKey = typeof req.params.siteKey === 'string' ? req.params.siteKey : '';
  const site = await store.sites.findByKey(siteKey);
  const origin = req.headers.origin;
  if (site && origin !== undefined && site.allowedOrigins.includes(origin))
    res.setHeader('Access-Control-Allow-Origin', origin);
  return { site, origin };
}

export function requireVisitor(store: Store, tokens: VisitorTokens): RequestHandler {
  return async (req, res, next) => {
    const { site, origin } = await allowSiteOrigin(store, req, res);
    if (!site) throw new ParleyError(ErrorCode.UnknownSite, 'No site has this key');
    // a browser always names the page's origin on these requests; only the site's pages may call
    if (origin !== undefined && !site.allowedOrigins.includes(origin))
      throw new ParleyError(ErrorCode.OriginNotAllowed, 'This page’s origin is not allowed for this site');
    const token = req.headers[VISITOR_TOKEN_HEADER];
    const visitorId = typeof token === 'string' ? tokens.verify(token, site.id) : undefined;
    if (visitorId === undefined) throw new ParleyError(ErrorCode.Unauthorized, 'No valid visitor token');
    callers.set(req, { visitorId, siteId: site.id });
    next();
  };
}

/** The preflight of a widget REST call: the site's pages may send the token header. */
export function visitorPreflight(store: Store): RequestHandler {
  return async (req, res) => {
    await allowSiteOrigin(store, req, res);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', VISITOR_TOKEN_HEADER);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

export function visitorCaller(req: Request): VisitorCaller {
  const caller = callers.get(req);
  if (!caller) throw new Error('visitorCaller() called on a route without requireVisitor');
  return caller;
}
