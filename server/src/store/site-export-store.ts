/**
 * @module Paging through everything of one site, for `parley export site`: the ids only, in a
 * stable order; the records themselves are read through the stores that read them everywhere else.
 */
export interface SiteExportStore {
  /** Up to `limit` ids of the site's visitors after `afterId` ('' for the first page), by id. */
  visitorIds(siteId: string, afterId: string, limit: number): Promise<string[]>;
  /** Up to `limit` ids of the site's conversations after `afterId` ('' for the first page), by id. */
  conversationIds(siteId: string, afterId: string, limit: number): Promise<string[]>;
}
