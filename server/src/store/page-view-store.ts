/**
 * @module Page views: the latest pages each visitor reported, for the agents' visitor panel.
 */
export interface PageViewRecord {
  url: string;
  title: string;
  referrer: string | null;
  at: string;
}

export interface PageViewStore {
  /** Stores the view and drops the visitor's oldest beyond `keep`, so one visitor cannot grow the table. */
  record(visitorId: string, view: PageViewRecord, keep: number): Promise<void>;
  /** The visitor's latest views, newest first. */
  listRecent(visitorId: string, limit: number): Promise<PageViewRecord[]>;
}
