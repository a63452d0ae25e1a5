/**
 * @module POST /api/inbound/email: hosted inbound-mail services (or your MTA) post the raw MIME
 * message here, authenticated with INBOUND_EMAIL_SECRET as a Bearer token or as the Basic password.
 * Without the secret configured the endpoint is off.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { restRoutes } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { EmailTooLarge, type InboundEmail } from '../mail/inbound-email.ts';
import { sizeText } from '../mail/size-text.ts';
import { handle } from './rest-route.ts';

const route = restRoutes.email.inbound;

/** The secret a request presents: `Bearer <secret>`, or the password of `Basic user:<secret>`. */
function presentedSecret(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, value = ''] = authorization.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

/** Compares digests, so neither the content nor the length of the secret leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export function inboundEmailRouter(
  inbound: InboundEmail,
  options: { secret: string | undefined; logger: Logger },
): Router {
  const router = Router();

  // Checked before the body is read: a caller without the secret cannot make us buffer a mail.
  const authorize: RequestHandler = (req, res, next) => {
    if (!options.secret) {
      throw new ParleyError(ErrorCode.Unavailable, 'Inbound email is not configured: set INBOUND_EMAIL_SECRET');
    }
    const presented = presentedSecret(req.headers.authorization);
    if (presented === undefined || !sameSecret(presented, options.secret)) {
      options.logger.warn('inbound email rejected', { via: 'webhook', code: ErrorCode.Unauthorized, ip: req.ip });
      res.setHeader('WWW-Authenticate', 'Basic realm="parley-inbound-email"');
      throw new ParleyError(ErrorCode.Unauthorized, 'Present the inbound email secret (Bearer, or the Basic password)');
    }
    next();
  };

  handle(
    router,
    route,
    async (_input, req, res) => {
      const raw: unknown = req.body;
      if (!Buffer.isBuffer(raw)) {
        throw new ParleyError(
          ErrorCode.InvalidPayload,
          'Send the raw MIME message as the body (Content-Type: message/rfc822)',
        );
      }
      const result = await inbound.receive(raw, 'webhook');
      res.status(result.duplicate ? 200 : 201);
      return result;
    },
    authorize,
    express.raw({ type: () => true, limit: inbound.maxBytes }),
  );

  // body-parser stopped reading at the limit: say which limit, as for a mail found too large later.
  const tooLarge: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
    if (typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.too.large') {
      options.logger.warn('inbound email rejected', {
        via: 'webhook',
        code: ErrorCode.PayloadTooLarge,
        reason: 'over the size limit',
      });
      return next(new EmailTooLarge(`The email is larger than ${sizeText(inbound.maxBytes)}`));
    }
    next(error);
  };
  router.use(route.path, tooLarge);
  return router;
}
