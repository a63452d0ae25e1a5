/**
 * @module Runs a middleware on every request but those of one route (method and path), which handles
 * the matter itself: e.g. the app's small JSON body limit everywhere but an import that reads a larger
 * body after its own checks.
 */
import type { RequestHandler } from 'express';

/** A route path (`/api/admin/sites/:siteId/help/import`) as a pattern: each `:name` one path segment. */
function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/(:\w+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}/?$`);
}

type RouteLike = { method: string; path: string };

/** `routes`: one route, or several that each handle the matter themselves. */
export function exceptPath(routes: RouteLike | readonly RouteLike[], handler: RequestHandler): RequestHandler {
  const patterns = (Array.isArray(routes) ? routes : [routes]).map((r: RouteLike) => ({
    method: r.method,
    pattern: pathPattern(r.path),
  }));
  return (req, res, next) =>
    patterns.some((p) => req.method === p.method && p.pattern.test(req.path)) ? next() : handler(req, res, next);
}
