/**
 * @module Splits a long id list for `where … in (…)`: SQLite and PostgreSQL both bound the number of
 * parameters in one statement, and a fixed chunk size keeps the statement texts few (they are cached).
 */
const CHUNK = 500;

export function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}
