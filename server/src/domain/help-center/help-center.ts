/**
 * @module The help center's services together: writing (HelpArticles), reading as a visitor
 * (HelpReader), import/export (HelpBundles) and its report (HelpReports).
 */
import type { Store } from '../../store/store.ts';
import { HelpArticles } from './help-articles.ts';
import { HelpBundles } from './help-bundles.ts';
import { HelpReader, type HelpObserver } from './help-reader.ts';
import { HelpReports } from './help-reports.ts';

export interface HelpCenter {
  articles: HelpArticles;
  reader: HelpReader;
  bundles: HelpBundles;
  reports: HelpReports;
}

export function createHelpCenter(deps: {
  store: Store;
  now: () => Date;
  observer?: HelpObserver | undefined;
}): HelpCenter {
  const articles = new HelpArticles(deps);
  return {
    articles,
    reader: new HelpReader(deps),
    bundles: new HelpBundles({ store: deps.store, articles }),
    reports: new HelpReports(deps),
  };
}
