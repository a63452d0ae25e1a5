/**
 * @module A site's answer bot settings as admins read and change them: stored ones over the defaults
 * (a site that never set any has the bot off), a change merged into what is stored.
 */
import { DEFAULT_BOT_SETTINGS, type BotSettings, type BotSettingsUpdate } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';

export class BotSettingsAdmin {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #model: string | undefined;

  constructor(deps: { store: Store; now: () => Date; model?: string | undefined }) {
    this.#store = deps.store;
    this.#now = deps.now;
    this.#model = deps.model;
  }

  /** bot-llm: the language model that writes the built-in bot's answers, when the server has one. */
  llm(): { llm?: { model: string } } {
    return this.#model === undefined ? {} : { llm: { model: this.#model } };
  }

  async get(siteId: string): Promise<BotSettings> {
    if (!(await this.#store.sites.findById(siteId))) throw notFound('Site');
    return (await this.#store.bots.settings(siteId)) ?? DEFAULT_BOT_SETTINGS;
  }

  async update(siteId: string, change: BotSettingsUpdate): Promise<BotSettings> {
    const current = await this.get(siteId);
    const next: BotSettings = {
      mode: change.mode ?? current.mode,
      name: change.name ?? current.name,
      matchThreshold: change.matchThreshold ?? current.matchThreshold,
      handoffTimeoutSeconds: change.handoffTimeoutSeconds ?? current.handoffTimeoutSeconds,
      wording: { ...current.wording, ...stripUndefined(change.wording ?? {}) },
    };
    if (next.mode === 'external' && !(await this.#store.externalBots.find(siteId))) {
      throw new ParleyError(ErrorCode.Conflict, 'Register the external bot (its URL) before choosing external mode');
    }
    await this.#store.bots.saveSettings(siteId, next, this.#now().toISOString());
    return next;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
