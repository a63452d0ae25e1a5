/**
 * @module The widget's public API, written once: the typed handle `mount()` returns and the
 * commands the `Parley(…)` queue accepts are both derived from `ParleyApi` below. Imports nothing,
 * so the loader can use these names without pulling in Preact or the socket client, and the npm
 * types do not drag in the wire protocol.
 */

/** Who the visitor is on the host site; sent to the server once connected. */
export interface VisitorIdentity {
  /** The host site's own id for this user. */
  id?: string;
  name?: string;
  email?: string;
  /** Extra facts agents see (plan, company…); values are shown as text. */
  attributes?: Record<string, string | number | boolean | null>;
  /**
   * HMAC-SHA256 of `id` with the site's identity secret, computed by the host's server: lets the
   * Parley server trust the id, so a visitor cannot claim to be someone else from the console.
   */
  userHash?: string;
}

/** One page of the host site; defaults to the current location and title at call time. */
export interface PageView {
  url?: string;
  title?: string;
  referrer?: string;
}

/** Overrides of the look configured for the site in Parley. */
export interface ThemeOptions {
  /** A CSS colour (#hex, rgb(), hsl() or a name); anything else is ignored. */
  accentColor?: string;
  position?: 'left' | 'right';
}

/** A message from an agent (or the system) that reached the visitor. */
export interface ReceivedMessage {
  id: string;
  conversationId: string;
  seq: number;
  author: 'agent' | 'system';
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** Events and what their listeners receive. */
export interface ParleyEventMap {
  /** The widget is on the page and its API takes effect immediately. Fires late listeners too. */
  ready: { siteKey: string };
  open: Record<string, never>;
  close: Record<string, never>;
  'message:received': ReceivedMessage;
  'conversation:started': { conversationId: string };
  'conversation:ended': { conversationId: string };
  'unread:changed': { count: number };
}

export type ParleyEventName = keyof ParleyEventMap;
export type ParleyListener<E extends ParleyEventName> = (payload: ParleyEventMap[E]) => void;

/** What a host page can do with the widget, through `mount()`'s handle or `Parley('method', …)`. */
export interface ParleyApi {
  open(): void;
  close(): void;
  toggle(): void;
  showLauncher(): void;
  hideLauncher(): void;
  identify(visitor: VisitorIdentity): void;
  /** A BCP 47 tag such as `de` or `ar-EG`. */
  setLocale(locale: string): void;
  setTheme(theme: ThemeOptions): void;
  /** Call on every SPA navigation; the first page is tracked by the widget itself. */
  trackPageView(page?: PageView): void;
  /** The host's user logged out: forget this visitor (token, history, outbox) and start afresh. */
  reset(): void;
  /** Opens the panel on a help center article, by its slug (in the widget's language). */
  openArticle(slug: string): void;
  /** Opens the panel's help view searching for `query`. */
  searchHelp(query: string): void;
  on<E extends ParleyEventName>(event: E, listener: ParleyListener<E>): void;
  off<E extends ParleyEventName>(event: E, listener: ParleyListener<E>): void;
}

export type ParleyMethod = keyof ParleyApi;

/** Every method the queue accepts; a `satisfies` keeps the list and the interface in step. */
const API_METHODS = [
  'open',
  'close',
  'toggle',
  'showLauncher',
  'hideLauncher',
  'identify',
  'setLocale',
  'setTheme',
  'trackPageView',
  'reset',
  'openArticle',
  'searchHelp',
  'on',
  'off',
] as const satisfies readonly ParleyMethod[];

/** `Parley('identify', {…})` and friends: a method name followed by that method's arguments. */
export type ParleyCommand = { [M in ParleyMethod]: [M, ...Parameters<ParleyApi[M]>] }[ParleyMethod];

export function isApiMethod(name: unknown): name is ParleyMethod {
  return (API_METHODS as readonly unknown[]).includes(name);
}
