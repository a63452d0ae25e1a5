/**
 * @module External bots' storage (issue 22, migration 0029): one registered bot per site, with the
 * URL its events go to, the secret that signs them and the id of its API token.
 */
export interface ExternalBotRecord {
  siteId: string;
  url: string;
  secret: string;
  tokenId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExternalBotStore {
  find(siteId: string): Promise<ExternalBotRecord | undefined>;
  /** Inserts or replaces the site's bot. */
  save(record: ExternalBotRecord): Promise<void>;
  /** False when the site had none. */
  delete(siteId: string): Promise<boolean>;
}
