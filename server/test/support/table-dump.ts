/**
 * @module Reads every table of a test server's SQLite file, whatever tables exist: retention and
 * privacy tests search all of it, so a table added later cannot hide what should be gone.
 */
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

function dumpAllTables(dataDir: string): Map<string, string> {
  const db = new SqliteDatabase(path.join(dataDir, 'parley.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as Array<{ name: string }>;
    return new Map(tables.map(({ name }) => [name, JSON.stringify(db.prepare(`select * from "${name}"`).all())]));
  } finally {
    db.close();
  }
}

/** The tables whose rows mention any of `needles`, with the needles found. */
export function tablesMentioning(dataDir: string, needles: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [table, rows] of dumpAllTables(dataDir)) {
    const hits = needles.filter((needle) => rows.includes(needle));
    if (hits.length > 0) found[table] = hits;
  }
  return found;
}
