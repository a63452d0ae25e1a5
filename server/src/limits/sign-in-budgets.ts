/**
 * @module The sign-in budgets beside the per-pair throttle (domain/login-throttle.ts), counted
 * where every process sees them (Redis with REDIS_URL):
 * - per address: failed sign-ins from one address for any email. Password spraying (one guess for
 *   many emails) runs out, and each refused try costs no scrypt run.
 * - per account: failed sign-ins for one email from all addresses. Past it, only addresses that
 *   email signed in from within KNOWN_FOR_SECONDS may still try, so a guessing botnet is stopped
 *   while the agent, from their usual address and with their password, still gets in (OWASP's
 *   advice: no hard lockout of the account, lock the attacker's attempts instead).
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SignInBudgets } from '../domain/login-throttle.ts';
import { RateLimit, hashed, type LimiterFactory, type LimitHooks } from './rate-limit.ts';
import type { RateRule } from './rate-rule.ts';

/** How long a successful sign-in makes its address "the agent's own" (under setTimeout's 24.8-day cap). */
const KNOWN_FOR_SECONDS = 14 * 86_400;

export function signInBudgets(
  rules: { perAddress: RateRule[]; perAccount: RateRule[] },
  make: LimiterFactory,
  hooks: LimitHooks,
): SignInBudgets {
  const perAddress = new RateLimit('sign-in-address', rules.perAddress, make, hooks);
  const perAccount = new RateLimit('sign-in-account', rules.perAccount, make, hooks);
  // a limiter used as a set with expiry: present means "signed in from here lately"
  const known: RateLimiterAbstract = make('sign-in-known', { points: 1, seconds: KNOWN_FOR_SECONDS });
  const pair = (email: string, from: string) => hashed(`${email}\n${from}`);
  const isKnown = (email: string, from: string) =>
    known.get(pair(email, from)).then(
      (res) => res !== null,
      (error: unknown) => {
        hooks.onError(error);
        return false;
      },
    );

  return {
    async waitMs(email, from) {
      const byAddress = await perAddress.peek(from);
      if (byAddress > 0) {
        hooks.onLimited(perAddress.name);
        return byAddress;
      }
      const byAccount = await perAccount.peek(email);
      if (byAccount === 0 || (await isKnown(email, from))) return 0;
      hooks.onLimited(perAccount.name);
      return byAccount;
    },
    async failed(email, from) {
      await Promise.all([perAddress.consume(from), perAccount.consume(email)]);
    },
    async succeeded(email, from) {
      await known.set(pair(email, from), 1, KNOWN_FOR_SECONDS).catch((error: unknown) => hooks.onError(error));
    },
  };
}
