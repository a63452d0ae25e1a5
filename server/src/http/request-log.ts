/**
 * @module A request id for every HTTP request (the caller's X-Request-Id when it is a plain token,
 * else a new one), echoed in the response and carried by every log line of the request; and one
 * access line per request. The widget's built files (widget.js and its chunks) do not echo it: they
 * are the same bytes for everyone, a visitor's first load counts every header byte, and their access
 * line still has the id. The path is logged without its query, which may hold tokens.
 */
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { pathOf } from './malformed-url.ts';

const loggers = new WeakMap<Request, Logger>();
const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** Polled by load balancers and Prometheus: kept out of the info-level access log. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming !== undefined && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    if (!isWidgetFile(req.path)) res.setHeader('X-Request-Id', requestId);
    const log = logger.child({ requestId });
    loggers.set(req, log);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // originalUrl: a router mounted at a prefix strips it from req.url/req.path while it handles the request
      const path = pathOf(req.originalUrl);
      const fields = {
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      };
      if (QUIET_PATHS.has(path)) log.debug('request', fields);
      else log.info('request', fields);
    });
    next();
  };
}

function isWidgetFile(path: string): boolean {
  return path === '/widget.js' || path.startsWith('/widget/');
}

/** The request's logger (with its id), or `fallback` for a request that did not pass requestLog. */
export function loggerFor(req: Request, fallback: Logger): Logger {
  return loggers.get(req) ?? fallback;
}
