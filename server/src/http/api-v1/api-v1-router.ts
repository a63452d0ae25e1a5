/**
 * @module Everything under /api/v1: the OpenAPI document and its reference page (public), then the
 * token check, the per-token rate limit and Idempotency-Key in front of every resource router, so
 * no API route can be added without them.
 */
import { Router } from 'express';
import { contentSecurityPolicy } from 'helmet';
import { API_V1_BASE } from '@parley/shared';
import type { ApiTokens } from '../../domain/api-tokens.ts';
import type { RateLimit } from '../../limits/rate-limit.ts';
import { requireApiToken } from './api-auth.ts';
import { idempotentWrites } from './idempotency.ts';
import { conversationsApiRouter, type ApiV1Deps } from './conversations-api.ts';
import { visitorsApiRouter } from './visitors-api.ts';
import { botApiRouter } from './bot-api.ts';
import { ticketsApiRouter } from './tickets-api.ts';
import { directoryApiRouter } from './directory-api.ts';
import { openApiDocument } from './openapi-document.ts';
import { REFERENCE_CSS, referencePage } from './reference-page.ts';

export interface ApiV1RouterDeps extends ApiV1Deps {
  tokens: ApiTokens;
  limit: RateLimit;
  now: () => Date;
}

const referencePolicy = contentSecurityPolicy({
  useDefaults: false,
  directives: {
    'default-src': ["'none'"],
    'style-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  },
});

export function apiV1Router(deps: ApiV1RouterDeps): Router {
  const router = Router();
  const document = () => openApiDocument(deps.publicUrl());

  router.get(`${API_V1_BASE}/openapi.json`, (_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.json(document());
  });
  router.get(`${API_V1_BASE}/reference`, referencePolicy, (_req, res) => {
    res.type('html').send(referencePage(document()));
  });
  router.get(`${API_V1_BASE}/reference.css`, (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600');
    res.send(REFERENCE_CSS);
  });

  router.use(API_V1_BASE, requireApiToken(deps.tokens, deps.limit), idempotentWrites(deps));
  router.use(conversationsApiRouter(deps));
  router.use(botApiRouter(deps));
  router.use(visitorsApiRouter(deps));
  router.use(ticketsApiRouter(deps));
  router.use(directoryApiRouter(deps));
  return router;
}
