/**
 * @module Prepared-statement reuse for SQLite. Kysely's SQLite driver calls `prepare(sql)` for every
 * query, and compiling the SQL costs more than running it (a fifth of the server's CPU under chat
 * load, measured with `pnpm bench`). The same query text always compiles to the same statement, so
 * statements are kept by text, most recently used last, up to a bound (queries with a variable
 * number of `?` produce many texts). Reuse is safe: kysely runs one query at a time on its single
 * connection, and SQLite re-prepares a statement by itself when the schema changes under it.
 */
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

const MAX_STATEMENTS = 500;

export function withCachedStatements(database: SqliteDatabase): KyselySqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= MAX_STATEMENTS) {
          const oldest = statements.keys().next();
          if (!oldest.done) statements.delete(oldest.value);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
