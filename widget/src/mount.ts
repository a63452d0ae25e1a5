/**
 * @module Puts the widget on a page: a host element with an open shadow root, the widget's styles
 * adopted into it, the Preact app rendered inside, and a handle that removes every trace again.
 */
import { h, render } from 'preact';
import { ChatClient } from './client/chat-client.ts';
import { fetchWidgetConfig } from './client/fetch-config.ts';
import { ChatWidget } from './app/chat-widget.tsx';
import css from './app/widget.css?inline';

export interface MountOptions {
  siteKey: string;
  /** Origin (optionally with a path) of the Parley server, e.g. `https://chat.example.com`. */
  serverUrl: string;
  /** Where the widget's host element is appended; document.body when omitted. */
  target?: Element;
}

export interface WidgetHandle {
  unmount(): void;
}

export const HOST_TAG = 'parley-widget';

function adoptStyles(shadow: ShadowRoot): void {
  // a constructed sheet is not inline style, so it works under a CSP without 'unsafe-inline'
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  // browsers before constructable stylesheets (Safari < 16.4): a <style> element, which needs a lax CSP
  const style = document.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
}

export function mount(options: MountOptions): WidgetHandle {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const { siteKey } = options;
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-site-key', siteKey);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  (options.target ?? document.body).appendChild(host);

  const client = new ChatClient({ siteKey, serverUrl });
  // a visitor with a message still to deliver, or an agent to hear from, should not have to open
  // the panel first; everyone else connects on first open, which spares the server idle sockets
  if (client.hasUnfinishedBusiness()) client.connect();

  const aborter = new AbortController();
  let mounted = true;
  fetchWidgetConfig(serverUrl, siteKey, aborter.signal).then(
    (config) => {
      if (mounted) render(h(ChatWidget, { client, config }), shadow);
    },
    (error: unknown) => {
      if (!mounted) return;
      // no config means no name, colour or greeting to show: stay invisible rather than half-broken
      console.warn(`Parley chat is unavailable: ${error instanceof Error ? error.message : String(error)}`);
      client.destroy();
    },
  );

  return {
    unmount() {
      if (!mounted) return;
      mounted = false;
      aborter.abort();
      render(null, shadow);
      client.destroy();
      host.remove();
    },
  };
}
