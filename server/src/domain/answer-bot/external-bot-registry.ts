/**
 * @module Registering a site's external bot (issue 22): its URL (checked by the webhooks' address
 * guard, WEBHOOK_ALLOWED_HOSTS), a signing secret and an API token made for it, limited to its site
 * and to the conversations its bot holds. Both are answered once, at registration and at each
 * rotation (which revokes the old token); unregistering revokes the token and turns external mode off.
 */
import type { ExternalBot, ExternalBotCredentials } from '@parley/shared';
import { notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { ExternalBotRecord } from '../../store/external-bot-store.ts';
import type { ApiTokens } from '../api-tokens.ts';
import { newWebhookSecret } from '../webhooks/webhook-signature.ts';

export interface ExternalBotRegistryDeps {
  store: Store;
  tokens: ApiTokens;
  /** Throws url_not_allowed for a URL that reaches the server's own network (the webhooks' guard). */
  checkUrl: (url: string) => Promise<void>;
  now: () => Date;
}

export interface Registered {
  externalBot: ExternalBot;
  credentials: ExternalBotCredentials | null;
}

export class ExternalBotRegistry {
  readonly #deps: ExternalBotRegistryDeps;

  constructor(deps: ExternalBotRegistryDeps) {
    this.#deps = deps;
  }

  /** The site's bot, or null when none is registered. */
  async get(siteId: string): Promise<ExternalBot | null> {
    await this.#site(siteId);
    const record = await this.#deps.store.externalBots.find(siteId);
    return record ? this.#public(record) : null;
  }

  /** The stored record (with its secret), for delivery; undefined when none is registered. */
  find(siteId: string): Promise<ExternalBotRecord | undefined> {
    return this.#deps.store.externalBots.find(siteId);
  }

  /** A new bot gets its credentials; a registered one only changes its URL (credentials null). */
  async register(siteId: string, url: string, adminId: string | null): Promise<Registered> {
    await this.#site(siteId);
    await this.#deps.checkUrl(url);
    const existing = await this.#deps.store.externalBots.find(siteId);
    if (existing) {
      const record = { ...existing, url, updatedAt: this.#now() };
      await this.#deps.store.externalBots.save(record);
      return { externalBot: await this.#public(record), credentials: null };
    }
    return this.#issue(siteId, url, adminId, undefined);
  }

  /** A new secret and token; the old token stops at once. */
  async rotate(siteId: string, adminId: string | null): Promise<Registered> {
    await this.#site(siteId);
    const existing = await this.#deps.store.externalBots.find(siteId);
    if (!existing) throw notFound('External bot');
    const issued = await this.#issue(siteId, existing.url, adminId, existing);
    await this.#deps.tokens.revoke(existing.tokenId).catch(() => undefined);
    return issued;
  }

  /** Forgets the bot, revokes its token, and a site in external mode goes back to off. */
  async unregister(siteId: string): Promise<void> {
    await this.#site(siteId);
    const { store } = this.#deps;
    const existing = await store.externalBots.find(siteId);
    if (!existing) return;
    await store.externalBots.delete(siteId);
    await this.#deps.tokens.revoke(existing.tokenId).catch(() => undefined);
    const settings = await store.bots.settings(siteId);
    if (settings?.mode === 'external') await store.bots.saveSettings(siteId, { ...settings, mode: 'off' }, this.#now());
  }

  async #issue(
    siteId: string,
    url: string,
    adminId: string | null,
    existing: ExternalBotRecord | undefined,
  ): Promise<Registered> {
    const site = await this.#deps.store.sites.findById(siteId);
    const { token, record: tokenRecord } = await this.#deps.tokens.create({
      // what the API tokens page lists it as
      name: `External bot of ${site?.name ?? siteId}`.slice(0, 120),
      scopes: ['write'],
      siteIds: [siteId],
      createdBy: adminId,
      botSiteId: siteId,
    });
    const now = this.#now();
    const record: ExternalBotRecord = {
      siteId,
      url,
      secret: newWebhookSecret(),
      tokenId: tokenRecord.id,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.#deps.store.externalBots.save(record);
    return { externalBot: await this.#public(record), credentials: { secret: record.secret, token } };
  }

  async #public(record: ExternalBotRecord): Promise<ExternalBot> {
    const token = await this.#deps.store.apiTokens.findById(record.tokenId);
    return {
      siteId: record.siteId,
      url: record.url,
      secretHint: record.secret.slice(-4),
      tokenId: record.tokenId,
      tokenPrefix: token?.prefix ?? '',
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  async #site(siteId: string): Promise<void> {
    if (!(await this.#deps.store.sites.findById(siteId))) throw notFound('Site');
  }

  #now(): string {
    return this.#deps.now().toISOString();
  }
}
