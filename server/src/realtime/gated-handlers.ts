/**
 * @module Puts a check in front of every handler of a table (a rate limit): the check runs after
 * the payload parsed and before the domain is called; a ParleyError it throws is the event's answer.
 */
import type { ClientEventSpec } from '@parley/shared';
import type { HandlerTable } from './validated-handler.ts';

export function gated<M extends Record<string, ClientEventSpec>, C>(
  table: HandlerTable<M, C>,
  check: (event: keyof M & string, context: C) => Promise<void>,
): HandlerTable<M, C> {
  const result = { ...table };
  for (const event of Object.keys(table) as Array<keyof M & string>) {
    const handler = table[event];
    result[event] = async (payload, context) => {
      await check(event, context);
      return handler(payload, context);
    };
  }
  return result;
}
