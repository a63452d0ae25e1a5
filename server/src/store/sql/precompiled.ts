/**
 * @module Queries built and compiled once, run many times with new values. Kysely builds and
 * compiles every query in JavaScript on every call, which was about a quarter of the server's CPU
 * on the message path (measured with `pnpm bench`). A hot-path query is built once with named
 * placeholders; the SQL text kysely wrote for this engine is kept, and each call only fills in the
 * parameter list. Still kysely's query builder and its driver: the same code for both engines.
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.ts';

/** Marks a parameter slot; no value the application writes starts with a NUL character. */
const PLACEHOLDER = '\u0000parley-placeholder:';

export type PrecompiledQuery<P, R> = (db: Kysely<Database>, values: P) => Promise<QueryResult<R>>;

/**
 * `build` receives stand-ins for the values of `P` and returns the query. Use each stand-in only
 * where kysely turns it into a parameter (a compared, set or inserted value), never as a column
 * name or inside a raw fragment. The query runs on whichever Kysely (or transaction) is passed.
 */
export function precompile<P extends Record<string, unknown>, R>(
  db: Kysely<Database>,
  build: (values: P) => Compilable<R>,
): PrecompiledQuery<P, R> {
  // A stand-in is typed as the value it stands for: kysely only carries it into the parameter list.
  const standIns = new Proxy({}, { get: (_target, key) => `${PLACEHOLDER}${String(key)}` }) as P;
  const compiled = build(standIns).compile();
  // Kysely's own constants (the 1 in `last_seq + 1`) stay; each stand-in becomes the caller's value.
  const slots = compiled.parameters.map((parameter): { name: string } | { constant: unknown } =>
    typeof parameter === 'string' && parameter.startsWith(PLACEHOLDER)
      ? { name: parameter.slice(PLACEHOLDER.length) }
      : { constant: parameter },
  );
  return (target, values) => {
    const query: CompiledQuery<R> = {
      ...compiled,
      parameters: slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant)),
    };
    return target.executeQuery(query);
  };
}
