/**
 * The help center report's figures (deflection, gaps, per article) on SQLite always, and on
 * PostgreSQL when one is available.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { openSqlStore } from '../../src/store/sql/open-sql-store.ts';
import { makeDataDir } from '../support/test-server.ts';
import { createTempDatabase, postgresAdminUrl } from '../support/postgres.ts';
import { helpReportsContract } from './help-reports-contract.ts';

helpReportsContract('sqlite', async () => {
  const store = await openSqlStore({ engine: 'sqlite', file: path.join(makeDataDir(), 'parley.db') });
  return { store, dispose: () => store.close() };
});

describe.runIf(postgresAdminUrl)('postgres', () => {
  helpReportsContract('postgres', async () => {
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
