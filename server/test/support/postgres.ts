/**
 * @module PostgreSQL for tests: a fresh database per suite on the server named by
 * PARLEY_TEST_DATABASE_URL (`.ci/run` starts one). In CI its absence fails the run; locally the
 * PostgreSQL suites are left out with a message saying how to run them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const postgresAdminUrl = process.env.PARLEY_TEST_DATABASE_URL;
const inCi = process.env.CI === 'true' || process.env.CI === '1';

if (!postgresAdminUrl) {
  if (inCi) throw new Error('CI must provide PostgreSQL: set PARLEY_TEST_DATABASE_URL (see .ci/run)');
  process.stderr.write(
    'PostgreSQL tests not run: set PARLEY_TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/postgres to run them.\n',
  );
}

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTempDatabase(adminUrl: string): Promise<TempDatabase> {
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
