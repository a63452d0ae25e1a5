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

export function exceptPath(route: { method: string; path: string }, handler: RequestHandler): RequestHandler {
  const pattern = pathPattern(route.path);
  return (req, res, next) => (req.method === route.method && pattern.test(req.path) ? next() : handler(req, res, next));
}
