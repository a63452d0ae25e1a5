/**
 * @module Puts the widget on a page: a host element with an open shadow root, the widget's styles
 * adopted into it, the Preact app rendered inside, and a handle (the public API plus `unmount`)
 * that removes every trace again: DOM, listeners, timers and the socket.
 */
import { h, render } from 'preact';
import type { WidgetConfigWire } from '@parley/shared';
import { ChatClient } from './client/chat-client.ts';
import { fetchWidgetConfig } from './client/fetch-config.ts';
import { createLocalStore, createSessionStore } from './client/local-store.ts';
import { PageRules } from './triggers/page-rules.ts';
import { ChatWidget } from './app/chat-widget.tsx';
import { preloadStrings } from './app/use-locale-strings.ts';
import { formsStyledIn } from './app/lazy-forms.ts';
import { adopt } from './app/adopt-styles.ts';
import { WidgetController, type Look } from './api/widget-controller.ts';
import type { ParleyApi, ThemeOptions } from './api/widget-api.ts';
import tokens from '@parley/shared/design/tokens.css?inline';
import widgetCss from './app/widget.css?inline';

// the design tokens first: the widget's own rules are written in their custom properties
const css = tokens + widgetCss;

export interface MountOptions {
  siteKey: string;
  /** Origin (optionally with a path) of the Parley server, e.g. `https://chat.example.com`. */
  serverUrl: string;
  /** Where the widget's host element is appended; document.body when omitted. */
  target?: Element;
  /** BCP 47 language tag; when omitted, the site's configured language, else the browser's. */
  locale?: string;
  theme?: ThemeOptions;
}

/** Options only the script-tag loader passes: the config response it already fetched. */
export interface BootOptions extends MountOptions {
  configResponse?: Promise<Response>;
}

export interface WidgetHandle extends ParleyApi {
  unmount(): void;
}

/** What the script-tag loader gets back: the handle, plus what it needs to hand its launcher over. */
export interface BootedWidget extends WidgetHandle {
  /** Moves the keyboard focus to the app's launcher (the loader's stand-in had it). */
  focusLauncher(): void;
}

const HOST_TAG = 'parley-widget';

function themed(config: WidgetConfigWire, theme: ThemeOptions): WidgetConfigWire {
  return { ...config, color: theme.accentColor ?? config.color, position: theme.position ?? config.position };
}

export function mount(options: MountOptions): WidgetHandle {
  return boot(options);
}

export function boot(options: BootOptions): BootedWidget {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const { siteKey } = options;
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-site-key', siteKey);
  const shadow = host.attachShadow({ mode: 'open' });
  adopt(shadow, css);
  formsStyledIn(shadow);
  (options.target ?? document.body).appendChild(host);

  const session = createSessionStore(siteKey);
  const client = new ChatClient({ siteKey, serverUrl, session });
  const rules = new PageRules(createLocalStore(siteKey), session, {
    live: () => {
      const identity = client.visitorIdentity();
      const { connection, agentsOnline } = client.getState();
      // unknown until the connection is up: a rule for "agents online" waits rather than promise a chat
      return {
        identified: identity !== null,
        attributes: identity?.attributes ?? {},
        agentsOnline: connection === 'online' && agentsOnline,
      };
    },
    blocked: () => client.proactiveBlocked(),
    fired: (rule) => client.reportProactive({ kind: 'rule', ruleId: rule.id }, 'fired'),
    show: ({ id, message, senderName, senderAvatarUrl, openPanel }) =>
      client.showProactive({ origin: { kind: 'rule', ruleId: id }, message, senderName, senderAvatarUrl }, openPanel),
  });
  const stopEvaluating = client.subscribe(() => rules.evaluate());
  let config: WidgetConfigWire | null = null;
  const draw = (look: Look): void => {
    if (!config) return;
    const locale = look.locale ?? config.locale ?? navigator.language;
    render(h(ChatWidget, { client, config: themed(config, look.theme), locale }), shadow);
  };
  const controller = new WidgetController(
    client,
    { locale: options.locale ?? null, theme: options.theme ?? {} },
    draw,
    (url, title) => rules.pageView(url, title),
  );
  // the page the widget starts on; single-page apps report later pages with trackPageView()
  controller.trackPageView();
  // a visitor with a message still to deliver, or an agent to hear from, connects at once
  if (client.hasUnfinishedBusiness()) client.connect();

  const aborter = new AbortController();
  let mounted = true;
  fetchWidgetConfig(serverUrl, siteKey, aborter.signal, options.configResponse).then(
    (loaded) => {
      if (!mounted) return;
      // the visitor's strings first, so the real launcher replaces the loader's stand-in at once
      void preloadStrings(controller.currentLook().locale, loaded).then(() => {
        if (!mounted) return;
        config = loaded;
        draw(controller.currentLook());
        controller.events.emit('ready', { siteKey });
        // everyone else once the chat has loaded: agents see who is on the site and can invite them,
        // and rules learn whether agents are online (README: "Live visitors and invites")
        client.connect();
        // read defensively: a server from before page rules sends none; with none, no engine is fetched
        void rules.setRules(
          Array.isArray(loaded.proactiveRules) ? loaded.proactiveRules : [],
          loaded.withinBusinessHours !== false,
        );
      });
    },
    (error: unknown) => {
      if (!mounted) return;
      // no config means no name, colour or greeting to show: stay invisible rather than half-broken
      console.warn(`Parley chat is unavailable: ${error instanceof Error ? error.message : String(error)}`);
      client.destroy();
    },
  );

  const api: ParleyApi = controller;
  return {
    open: () => api.open(),
    close: () => api.close(),
    toggle: () => api.toggle(),
    showLauncher: () => api.showLauncher(),
    hideLauncher: () => api.hideLauncher(),
    identify: (visitor) => {
      api.identify(visitor);
      rules.evaluate();
    },
    setLocale: (locale) => api.setLocale(locale),
    setTheme: (theme) => api.setTheme(theme),
    trackPageView: (page) => api.trackPageView(page),
    reset: () => api.reset(),
    on: (event, listener) => api.on(event, listener),
    off: (event, listener) => api.off(event, listener),
    focusLauncher: () => shadow.querySelector<HTMLElement>('.launcher')?.focus(),
    unmount() {
      if (!mounted) return;
      mounted = false;
      aborter.abort();
      render(null, shadow);
      stopEvaluating();
      rules.stop();
      controller.dispose();
      client.destroy();
      host.remove();
    },
  };
}
