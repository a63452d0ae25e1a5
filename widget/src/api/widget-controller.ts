/**
 * @module The public API's implementation on top of a ChatClient: commands go to the client or to
 * the look (locale, theme), and the client's state changes come back out as events. Used by
 * `mount()` for npm users and, through the loader's queue, by script-tag users: one code path.
 */
import type { ChatClient } from '../client/chat-client.ts';
import type { ChatState } from '../client/chat-state.ts';
import { lastAgentSeq } from '../client/message-merge.ts';
import { ParleyEvents } from './event-emitter.ts';
import { stateEvents, unreadCount } from './state-events.ts';
import type {
  PageView,
  ParleyApi,
  ParleyEventName,
  ParleyListener,
  ThemeOptions,
  VisitorIdentity,
} from './widget-api.ts';

export interface Look {
  /** null: the site's configured language, else the browser's. */
  locale: string | null;
  theme: ThemeOptions;
  /** help-widget: what openArticle/searchHelp asked the help view for (a new object each call). */
  help?: { slug?: string; query?: string };
}

export class WidgetController implements ParleyApi {
  readonly events = new ParleyEvents();
  #state: ChatState;
  #seenSeq = 0;
  #unread: number;
  readonly #stopWatching: () => void;
  readonly #onVisibility = (): void => this.#observe(this.#client.getState());

  readonly #client: ChatClient;
  #look: Look;
  readonly #onLookChange: (look: Look) => void;

  readonly #onPageView: (url: string, title: string) => void;

  constructor(
    client: ChatClient,
    look: Look,
    onLookChange: (look: Look) => void,
    onPageView: (url: string, title: string) => void = () => {},
  ) {
    this.#client = client;
    this.#onPageView = onPageView;
    this.#look = look;
    this.#onLookChange = onLookChange;
    this.#state = client.getState();
    this.#unread = unreadCount(this.#state, 0);
    this.#stopWatching = client.subscribe((next) => this.#observe(next));
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  open(): void {
    this.#client.setOpen(true);
  }
  close(): void {
    this.#client.setOpen(false);
  }
  toggle(): void {
    this.#client.setOpen(!this.#client.getState().open);
  }
  showLauncher(): void {
    this.#client.setLauncherVisible(true);
  }
  hideLauncher(): void {
    this.#client.setLauncherVisible(false);
  }
  identify(visitor: VisitorIdentity): void {
    if (typeof visitor !== 'object' || visitor === null) return;
    this.#client.identify(visitor);
  }
  setLocale(locale: string): void {
    if (typeof locale === 'string' && locale !== '') this.#setLook({ ...this.#look, locale });
  }
  setTheme(theme: ThemeOptions): void {
    if (typeof theme === 'object' && theme !== null)
      this.#setLook({ ...this.#look, theme: { ...this.#look.theme, ...theme } });
  }
  trackPageView(page: PageView = {}): void {
    // read the location now: by the time a queued call is sent the SPA may have moved on
    const url = page.url ?? location.href;
    const title = page.title ?? document.title;
    this.#client.trackPageView(page.referrer === undefined ? { url, title } : { url, title, referrer: page.referrer });
    this.#onPageView(url, title);
  }
  reset(): void {
    this.#client.reset();
  }
  openArticle(slug: string): void {
    this.#help({ slug });
  }
  searchHelp(query: string): void {
    this.#help({ query });
  }
  #help(help: Look['help']): void {
    this.#setLook({ ...this.#look, help });
    this.open();
  }
  on<E extends ParleyEventName>(event: E, listener: ParleyListener<E>): void {
    this.events.on(event, listener);
  }
  off<E extends ParleyEventName>(event: E, listener: ParleyListener<E>): void {
    this.events.off(event, listener);
  }

  currentLook(): Look {
    return this.#look;
  }

  dispose(): void {
    this.#stopWatching();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.events.dispose();
  }

  #setLook(look: Look): void {
    this.#look = look;
    this.#onLookChange(look);
  }

  #observe(next: ChatState): void {
    const prev = this.#state;
    this.#state = next;
    // what is on an open panel in a visible tab counts as seen, whether or not the server heard yet
    if (next.open && document.visibilityState !== 'hidden')
      this.#seenSeq = Math.max(this.#seenSeq, lastAgentSeq(next.thread));
    stateEvents(prev, next, (event, payload) => this.events.emit(event, payload));
    const unread = unreadCount(next, this.#seenSeq);
    if (unread !== this.#unread) {
      this.#unread = unread;
      this.events.emit('unread:changed', { count: unread });
    }
  }
}
