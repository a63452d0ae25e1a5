/**
 * @module Sites as admins manage them: creating one (with its own key and identity secret),
 * changing its widget and access settings, and replacing a leaked identity secret.
 */
import {
  ALWAYS_OPEN,
  DEFAULT_ATTACHMENT_SETTINGS,
  type NewSiteSettings,
  type SiteSettingsValues,
} from '@parley/shared';
import { notFound } from '../errors.ts';
import type { SiteRecord, SiteSettings } from '../store/site-store.ts';
import type { Store } from '../store/store.ts';
import { newId } from './ids.ts';
import { newIdentitySecret } from './identity-hash.ts';

/** What a new site looks like until the admin says otherwise: the demo's colour, no greeting, always open. */
const DEFAULTS: Omit<SiteSettingsValues, 'name' | 'allowedOrigins'> = {
  color: '#4f46e5',
  position: 'right',
  theme: 'light',
  greeting: '',
  locale: null,
  preChat: { enabled: false, fields: [] },
  businessHours: ALWAYS_OPEN,
  identityVerificationRequired: false,
  routingMode: 'automatic',
  queueMaxWaitSeconds: null,
  attachments: DEFAULT_ATTACHMENT_SETTINGS,
  helpMode: 'chat',
};

/** The part of routing a site change can set off: assigning what now may be, re-announcing the queue. */
export interface QueueDrain {
  drain(): Promise<void>;
}

export class SiteAdmin {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #queue: QueueDrain;
  /** What a site without its own maximum queue wait applies (QUEUE_MAX_WAIT_SECONDS). */
  readonly defaultQueueMaxWaitSeconds: number;

  constructor(deps: { store: Store; now: () => Date; queue: QueueDrain; defaultQueueMaxWaitSeconds: number }) {
    this.#store = deps.store;
    this.#now = deps.now;
    this.#queue = deps.queue;
    this.defaultQueueMaxWaitSeconds = deps.defaultQueueMaxWaitSeconds;
  }

  list(): Promise<SiteRecord[]> {
    return this.#store.sites.list();
  }

  /** `settings` were parsed by CreateSiteRequestSchema: origins normalised, time zone canonical. */
  create(settings: NewSiteSettings): Promise<SiteRecord> {
    return this.#store.sites.create({
      ...DEFAULTS,
      ...settings,
      id: newId('site'),
      siteKey: newId('pk'),
      isDemo: false,
      createdAt: this.#now().toISOString(),
      identitySecret: newIdentitySecret(),
    });
  }

  async update(siteId: string, changes: SiteSettings): Promise<SiteRecord> {
    const before = await this.#find(siteId);
    await this.#store.sites.updateSettings(siteId, changes);
    // Chats waiting for an Accept are handed out once the site goes automatic; going manual changes
    // what every console's queue offers. Either way the queue is re-announced.
    if (changes.routingMode !== undefined && changes.routingMode !== before.routingMode) await this.#queue.drain();
    return this.#find(siteId);
  }

  /** A new secret: userHashes computed with the old one stop verifying at once. */
  regenerateIdentitySecret(siteId: string): Promise<SiteRecord> {
    return this.update(siteId, { identitySecret: newIdentitySecret() });
  }

  async #find(siteId: string): Promise<SiteRecord> {
    const site = await this.#store.sites.findById(siteId);
    if (!site) throw notFound('Site');
    return site;
  }
}
