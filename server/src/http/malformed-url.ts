/**
 * @module Refuses a request whose path has a malformed percent-escape (`/api/%E0%A4%A`, `/console/%`)
 * with 400 "Malformed URL", before any router tries to decode it: otherwise the answer depends on
 * which router met it first (a 404, or a decoding error reported as something else).
 */
import type { RequestHandler } from 'express';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';

export const MALFORMED_URL = 'Malformed URL';

export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export const rejectMalformedUrl: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(pathOf(req.url));
  } catch {
    throw new ParleyError(ErrorCode.InvalidPayload, MALFORMED_URL);
  }
  next();
};
