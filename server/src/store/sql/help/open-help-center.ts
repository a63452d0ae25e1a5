/**
 * @module The help center's part of the SQL store: the same store on both engines, with the engine's
 * search and the indexer that keeps it current.
 */
import type { Kysely } from 'kysely';
import type { Engine, Store } from '../../store.ts';
import type { Database } from '../schema.ts';
import { withHelpTables } from './help-tables.ts';
import { createHelpCenterStore } from './help-center-store.ts';
import { createHelpReportStore } from './help-report-queries.ts';
import { createSqliteHelpSearch, sqliteHelpIndexer } from './sqlite-help-search.ts';
import { createPostgresHelpSearch, postgresHelpIndexer } from './postgres-help-search.ts';

export function openHelpCenter(
  db: Kysely<Database>,
  engine: Engine,
): Pick<Store, 'helpCenter' | 'helpSearch' | 'helpReports'> {
  const help = withHelpTables(db);
  const helpReports = createHelpReportStore(help);
  return engine === 'sqlite'
    ? {
        helpCenter: createHelpCenterStore(help, sqliteHelpIndexer),
        helpSearch: createSqliteHelpSearch(help),
        helpReports,
      }
    : {
        helpCenter: createHelpCenterStore(help, postgresHelpIndexer),
        helpSearch: createPostgresHelpSearch(help),
        helpReports,
      };
}
