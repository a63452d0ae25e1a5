/**
 * @module Limits in front of the public REST endpoints nobody signs in for: the widget config
 * (fetched by every page view of every site) and the inbound-email webhook (counted before its
 * secret is checked, so guessing the secret is limited too). Sign-in is limited by AgentAuth,
 * which knows whether the password was right. A limited request answers 429 with Retry-After.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { restRoutes } from '@parley/shared';
import { requestAddress } from './client-address.ts';
import type { RateLimit } from './rate-limit.ts';
import { rateLimited } from './rate-limited.ts';

function perAddress(limit: RateLimit, what: string, onRefusal?: (res: Response) => void): RequestHandler {
  return async (req, res, next) => {
    const waitMs = await limit.consume(requestAddress(req));
    if (waitMs === 0) return next();
    onRefusal?.(res);
    throw rateLimited(what, waitMs);
  };
}

export function httpLimits(limits: { widgetConfig: RateLimit; inboundEmail: RateLimit }): Router {
  const router = Router();
  router.get(
    '/api/widget/config/:siteKey',
    // the widget on any page reads the refusal (it says nothing about the site)
    perAddress(limits.widgetConfig, 'Too many widget config requests', (res) =>
      res.setHeader('Access-Control-Allow-Origin', '*'),
    ),
  );
  router.post(restRoutes.email.inbound.path, perAddress(limits.inboundEmail, 'Too many inbound emails'));
  return router;
}
