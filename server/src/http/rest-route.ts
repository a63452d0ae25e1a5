/**
 * @module Binds a route of the shared REST table (@parley/shared rest-routes.ts) to express: the
 * handler is registered under the route's method and path, gets its params, query and body parsed
 * with the route's schemas, and returns the route's answer. A path and its payloads are written once.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { HttpMethod, RestRoute } from '@parley/shared';
import { parseOrThrow } from './validate.ts';

type Parsed<R, K extends keyof RestRoute> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

export interface RouteInput<R extends RestRoute> {
  params: Parsed<R, 'params'>;
  query: Parsed<R, 'query'>;
  body: Parsed<R, 'request'>;
}

/** The JSON the route answers; a route without a response schema answers by itself (204, CSV, a download). */
export type RouteAnswer<R extends RestRoute> = R extends { response: infer S extends z.ZodType } ? z.input<S> : void;

export type RouteHandler<R extends RestRoute> = (
  input: RouteInput<R>,
  req: Request,
  res: Response,
) => RouteAnswer<R> | Promise<RouteAnswer<R>>;

const verbs = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const satisfies Record<
  HttpMethod,
  keyof Router
>;

function parsed<R extends RestRoute, K extends 'params' | 'query' | 'request'>(
  route: R,
  key: K,
  value: unknown,
): Parsed<R, K> {
  const schema = route[key];
  // the route's own schema parses it: its output is the type RouteInput names
  return (schema === undefined ? undefined : parseOrThrow(schema, value)) as Parsed<R, K>;
}

/**
 * Registers `handler` for `route` on `router`, after `before` (e.g. a body reader of its own). Params,
 * query and body are parsed in that order, before the handler runs; a failure answers invalid_payload.
 */
export function handle<R extends RestRoute>(
  router: Router,
  route: R,
  handler: RouteHandler<R>,
  ...before: RequestHandler[]
): void {
  router[verbs[route.method]](route.path, ...before, async (req: Request, res: Response) => {
    const input: RouteInput<R> = {
      params: parsed(route, 'params', req.params),
      query: parsed(route, 'query', req.query),
      body: parsed(route, 'request', req.body),
    };
    const answer = await handler(input, req, res);
    if (route.response !== undefined) res.json(answer);
  });
}
