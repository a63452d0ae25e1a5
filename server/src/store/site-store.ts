/**
 * @module Sites: the widget settings, allowed origins and identity secret of each site.
 */
import type {
  AttachmentSettings,
  BusinessHours,
  HelpMode,
  RoutingMode,
  WidgetConfig,
  WidgetTheme,
} from '@parley/shared';

export type PreChatSettings = WidgetConfig['preChat'];

export interface SiteRecord {
  id: string;
  name: string;
  siteKey: string;
  allowedOrigins: string[];
  color: string;
  greeting: string;
  position: 'right' | 'left';
  /** The widget's colours: light, dark, or following the visitor's system. */
  theme: WidgetTheme;
  isDemo: boolean;
  createdAt: string;
  /** Hex key of the HMAC that proves a visitor's userId (visitor:identify's userHash). */
  identitySecret: string;
  identityVerificationRequired: boolean;
  /** BCP-47 default language of the widget; null: the browser's. */
  locale: string | null;
  preChat: PreChatSettings;
  /** When people answer, in the site's time zone; `enabled: false` means always. */
  businessHours: BusinessHours;
  /** Whether queued conversations are handed out by the server or accepted by agents. */
  routingMode: RoutingMode;
  /** Longest a queued visitor waits before the chat is answered by email; null: the server's default; 0: never. */
  queueMaxWaitSeconds: number | null;
  /** Upload limits and who may upload (migration 0018). */
  attachments: AttachmentSettings;
  /** help-widget: how the widget offers the help center (migration 0024). */
  helpMode: HelpMode;
}

type DefaultedSiteSettings =
  | 'identityVerificationRequired'
  | 'locale'
  | 'preChat'
  | 'businessHours'
  | 'routingMode'
  | 'queueMaxWaitSeconds'
  | 'attachments'
  | 'theme'
  | 'helpMode';

/** A new site: widget settings default to off / the browser's language / always open, routing to automatic. */
export type NewSite = Omit<SiteRecord, DefaultedSiteSettings> & Partial<Pick<SiteRecord, DefaultedSiteSettings>>;

/** What an admin may change on a site; updateSettings changes only the fields given. */
export type SiteSettings = Partial<
  Pick<
    SiteRecord,
    DefaultedSiteSettings | 'name' | 'allowedOrigins' | 'color' | 'position' | 'greeting' | 'identitySecret'
  >
>;

export interface SiteStore {
  findById(id: string): Promise<SiteRecord | undefined>;
  findByKey(siteKey: string): Promise<SiteRecord | undefined>;
  findDemo(): Promise<SiteRecord | undefined>;
  /** Every site, oldest first. */
  list(): Promise<SiteRecord[]>;
  create(site: NewSite): Promise<SiteRecord>;
  setAllowedOrigins(id: string, origins: string[]): Promise<void>;
  /** Changes only the settings given. */
  updateSettings(id: string, settings: SiteSettings): Promise<void>;
}
