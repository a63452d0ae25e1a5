/**
 * @module The help center's services together: writing (HelpArticles), reading as a visitor
 * (HelpReader), import/export (HelpBundles), the articles' pictures (HelpImages) and its report
 * (HelpReports).
 */
import type { Store } from '../../store/store.ts';
import type { FileStorage } from '../../files/file-storage.ts';
import type { MalwareScanner } from '../../files/malware-scanner.ts';
import { HelpArticles } from './help-articles.ts';
import { HelpBundles } from './help-bundles.ts';
import { HelpImages } from './help-images.ts';
import { HelpReader, type HelpObserver } from './help-reader.ts';
import { HelpReports } from './help-reports.ts';

export interface HelpCenter {
  articles: HelpArticles;
  reader: HelpReader;
  bundles: HelpBundles;
  images: HelpImages;
  reports: HelpReports;
}

export function createHelpCenter(deps: {
  store: Store;
  now: () => Date;
  files: FileStorage;
  scanner?: MalwareScanner | undefined;
  publicUrl: () => string;
  observer?: HelpObserver | undefined;
}): HelpCenter {
  const articles = new HelpArticles(deps);
  return {
    articles,
    reader: new HelpReader(deps),
    bundles: new HelpBundles({ store: deps.store, articles }),
    images: new HelpImages(deps),
    reports: new HelpReports(deps),
  };
}
