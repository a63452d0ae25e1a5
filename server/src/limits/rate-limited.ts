/**
 * @module The one error a limit answers with: rate_limited, saying when to come back.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';

export function rateLimited(what: string, retryAfterMs: number): ParleyError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  const when = seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return new ParleyError(ErrorCode.RateLimited, `${what}: try again in ${when}`, { retryAfterMs });
}
