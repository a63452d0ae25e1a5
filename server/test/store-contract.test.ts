/**
 * The storage contract against every engine: SQLite always, PostgreSQL when one is available
 * (always in CI).
 */
import path from 'node:path';
import { describe } from 'vitest';
import { openSqlStore } from '../src/store/sql/open-sql-store.ts';
import { storeContract } from './support/store-contract.ts';
import { proactiveStoreContract } from './support/proactive-store-contract.ts';
import { reportStoreContract } from './support/store-contract-reports.ts';
import { makeDataDir } from './support/test-server.ts';
import { createTempDatabase, postgresAdminUrl } from './support/postgres.ts';

async function openSqlite() {
  const store = await openSqlStore({ engine: 'sqlite', file: path.join(makeDataDir(), 'parley.db') });
  return { store, dispose: () => store.close() };
}

storeContract('sqlite', openSqlite);
proactiveStoreContract('sqlite', openSqlite);
reportStoreContract('sqlite', openSqlite);

describe.runIf(postgresAdminUrl)('postgres', () => {
  const openPostgres = async () => {
    const database = await createTempDatabase(postgresAdminUrl ?? '');
    const store = await openSqlStore({ engine: 'postgres', url: database.url });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  };
  storeContract('postgres', openPostgres);
  proactiveStoreContract('postgres', openPostgres);
  reportStoreContract('postgres', openPostgres);
});
