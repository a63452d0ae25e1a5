/**
 * @module Binds a route of the API v1 table (@parley/shared api-v1-routes.ts): its scope is checked
 * before anything is parsed, then it is handled like every other REST route (rest-route.ts).
 */
import type { Router } from 'express';
import type { ApiRoute } from '@parley/shared';
import { handle, type RouteHandler } from '../rest-route.ts';
import { requireScope } from './api-auth.ts';
import { requireBotRoute } from './bot-api.ts';

export function apiHandle<R extends ApiRoute>(router: Router, route: R, handler: RouteHandler<R>): void {
  handle(
    router,
    route,
    (input, req, res) => {
      if (route.status !== undefined) res.status(route.status);
      return handler(input, req, res);
    },
    requireBotRoute(route),
    requireScope(route.scope),
  );
}
