/**
 * @module Entry point of widget.js, the small file site owners embed with
 * `<script async src="https://PARLEY_SERVER/widget.js" data-site-key="SITE_KEY"></script>`.
 * Defines `window.Parley` (the only global), reads the tag's data- attributes, draws the launcher
 * and loads the app chunk (Preact UI + socket client) lazily. No Preact in here: budget 2 KB gz.
 */
import { createParley, type AppModule, type LoaderInit, type ParleyFunction } from './loader-core.ts';
import { drawPlaceholder } from './placeholder-launcher.ts';

/** The app chunk's file name, content-hashed; put in at build time (see build.mjs). */
declare const __PARLEY_APP_CHUNK__: string;

interface ParleyWindow {
  Parley?: ParleyFunction;
}

// currentScript is only set while this script's top level runs, so it is read before anything waits
const script = document.currentScript;
const win = window as Window & ParleyWindow;
const existing = win.Parley;

/** data-site-key, data-server-url (a CDN-hosted widget.js), data-load="interaction"; null without a key. */
function fromScript(tag: HTMLScriptElement): LoaderInit | null {
  const { siteKey, serverUrl, load } = tag.dataset;
  return siteKey ? { siteKey, serverUrl, load: load === 'interaction' ? load : 'idle' } : null;
}

const bodyReady = (): Promise<void> =>
  new Promise((resolve) => {
    if (document.body) resolve();
    else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });

// a snippet pasted twice, or widget.js loaded twice, must not produce a second widget
if (!existing?.loaded && script instanceof HTMLScriptElement) {
  const chunkUrl = new URL(__PARLEY_APP_CHUNK__, script.src).href;
  win.Parley = createParley(existing?.q, fromScript(script), {
    // the server that served this file is the server to talk to, unless the page says otherwise
    defaultServerUrl: new URL(script.src, document.baseURI).origin,
    // a module import, so the app defines no globals and runs in strict mode; its URL is absolute
    importApp: () => import(/* @vite-ignore */ chunkUrl) as Promise<AppModule>,
    bodyReady,
    whenIdle(fn) {
      // after the page's own load, then in idle time, so the widget never competes with the host page
      const idle = (): void => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 4000 });
        else setTimeout(fn, 1500);
      };
      if (document.readyState === 'complete') idle();
      else addEventListener('load', idle, { once: true });
    },
    fetchConfig: ({ serverUrl, siteKey }) =>
      fetch(`${serverUrl}/api/widget/config/${encodeURIComponent(siteKey)}`, { credentials: 'omit' }),
    drawPlaceholder,
  });
}
// (loaded as a module, widget.js has no currentScript to read its settings from: it does nothing)
