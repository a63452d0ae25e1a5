/**
 * The storage contract against every engine: SQLite always, PostgreSQL when one is available
 * (always in CI).
 */
import path from 'node:path';
import { describe } from 'vitest';
import { openSqlStore } from '../src/store/sql/open-sql-store.ts';
import { storeContract } from './support/store-contract.ts';
import { makeDataDir } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl } from './support/postgres.ts';

storeContract('sqlite', async () => {
  const store = await openSqlStore({ engine: 'sqlite', file: path.join(makeDataDir(), 'parley.db') });
  return { store, dispose: () => store.close() };
});

describe.runIf(postgresAdminUrl)('postgres', () => {
  storeContract('postgres', async () => {
    const database = await createTempDatabase(postgresAdminUrl ?? '');
    const store = await openSqlStore({ engine: 'postgres', url: database.url });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  });
});
