/**
 * @module The `Parley(…)` command queue behind widget.js. Calls made before the app chunk has
 * loaded (including those an inline stub pushed onto `Parley.q` before widget.js itself arrived)
 * are kept and replayed in order on the app's handle; afterwards calls go straight to it. The app
 * chunk is fetched when the page is idle, or at once when a call needs it (`open`, `toggle`).
 * The browser specifics (script tag, import(), idle callbacks, launcher) come in as `LoaderDeps`.
 */
import { isApiMethod } from '../api/widget-api.ts';
import type { BootedWidget, BootOptions, WidgetHandle } from '../mount.ts';

export interface LoaderSettings {
  siteKey: string;
  serverUrl: string;
  /** `idle` (default): fetch the app once the page is idle; `interaction`: only when needed. */
  load?: 'idle' | 'interaction';
}

/** What the script tag or `Parley('init', …)` gives: a site key, the rest has defaults. */
export type LoaderInit = Partial<LoaderSettings> & { siteKey: string };

export interface AppModule {
  boot(options: BootOptions): BootedWidget;
}

/** The stand-in launcher drawn before the app arrives; removed once the app has drawn its own. */
export interface Placeholder {
  setVisible(visible: boolean): void;
  /** Whether it had the keyboard focus, which the app's launcher then takes over. */
  remove(): boolean;
}

export interface LoaderDeps {
  /** Where the Parley server is when `init` does not say: the origin widget.js came from. */
  defaultServerUrl: string;
  importApp(): Promise<AppModule>;
  /** Resolves once document.body exists, where both launcher and app go. */
  bodyReady(): Promise<void>;
  whenIdle(fn: () => void): void;
  fetchConfig(settings: LoaderSettings): Promise<Response>;
  /** `onClick` opens the chat; `onIntent` (hover, focus) starts fetching the app early. */
  drawPlaceholder(config: Promise<Response>, onClick: () => void, onIntent: () => void): Placeholder;
}

export type ParleyFunction = ((...args: unknown[]) => void) & { q?: unknown; loaded?: true };

function isSettings(value: unknown): value is LoaderInit {
  return value instanceof Object && 'siteKey' in value && typeof value.siteKey === 'string' && value.siteKey !== '';
}

/**
 * Builds the real `Parley` function. `queued` is what a stub collected; `fromScript` the settings
 * read from the script tag, if it had them (else the page calls `Parley('init', {…})`).
 */
export function createParley(queued: unknown, fromScript: LoaderInit | null, deps: LoaderDeps): ParleyFunction {
  let settings: LoaderSettings | null = null;
  let handle: WidgetHandle | null = null;
  let placeholder: Placeholder | null = null;
  let configResponse: Promise<Response> | null = null;
  let loading = false;
  let wantApp = false;
  const pending: unknown[][] = [];

  const loadApp = (): void => {
    wantApp = true;
    if (loading || !settings || !configResponse) return;
    loading = true;
    const options: BootOptions = { siteKey: settings.siteKey, serverUrl: settings.serverUrl, configResponse };
    Promise.all([deps.importApp(), deps.bodyReady()]).then(
      ([app]) => {
        const booted = app.boot(options);
        handle = booted;
        // the app's launcher is drawn in the same task as `ready`: no frame without a launcher. A
        // visitor who had tabbed to the stand-in stays on the launcher rather than back at the page's top
        booted.on('ready', () => {
          if (placeholder?.remove()) booted.focusLauncher();
        });
        for (const args of pending.splice(0)) forward(booted, args);
      },
      (error: unknown) => {
        console.warn('Parley chat could not load', error);
        placeholder?.remove();
      },
    );
  };

  const start = (next: LoaderInit): void => {
    if (settings) return;
    const serverUrl = String(next.serverUrl ?? deps.defaultServerUrl).replace(/\/+$/, '');
    settings = { ...next, serverUrl };
    const config = deps.fetchConfig(settings);
    // launcher and app each read their own copy: a body can be read once, and neither waits for the other
    configResponse = config.then((response) => response.clone());
    void deps.bodyReady().then(() => {
      if (handle) return;
      placeholder = deps.drawPlaceholder(config, () => parley('open'), loadApp);
      if (pending.some((args) => args[0] === 'hideLauncher')) placeholder.setVisible(false);
    });
    if (wantApp) loadApp();
    else if (next.load !== 'interaction') deps.whenIdle(loadApp);
  };

  const parley: ParleyFunction = (...args: unknown[]): void => {
    const [method, ...rest] = args;
    if (method === 'init') {
      if (isSettings(rest[0])) start(rest[0]);
      else console.warn('Parley chat: init needs { siteKey }');
      return;
    }
    if (!isApiMethod(method)) {
      console.warn(`Parley chat: unknown command ${String(method)}`);
      return;
    }
    if (handle) {
      forward(handle, args);
      return;
    }
    // the page the visitor is on now, not the one they will be on when the app arrives
    if (method === 'trackPageView') args[1] = { url: location.href, title: document.title, ...(args[1] ?? {}) };
    if (method === 'showLauncher' || method === 'hideLauncher') placeholder?.setVisible(method === 'showLauncher');
    pending.push(args);
    if (method === 'open' || method === 'toggle') loadApp();
  };
  parley.loaded = true;

  if (fromScript) start(fromScript);
  const stubbed: unknown[] = Array.isArray(queued) ? queued : [];
  // arguments objects, as the stub pushed them
  for (const call of stubbed)
    if (call !== null && typeof call === 'object' && 'length' in call)
      parley(...Array.from(call as ArrayLike<unknown>));
  return parley;
}

function forward(handle: WidgetHandle, args: unknown[]): void {
  const [method, ...rest] = args;
  if (!isApiMethod(method)) return;
  try {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied with `handle` as its `this`
    Reflect.apply(handle[method], handle, rest);
  } catch (error) {
    console.warn(`Parley chat: ${method} failed`, error);
  }
}
