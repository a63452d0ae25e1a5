/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { mount, type WidgetHandle } from '../src/mount.ts';

/** A real HTTP server answering the widget-config endpoint, on a free port. */
let server: Server;
let serverUrl: string;
let handle: WidgetHandle | null = null;

beforeEach(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/api/widget/config/site-a') {
      res.end(
        JSON.stringify({ siteKey: 'site-a', siteName: 'Acme', color: '#ff5500', position: 'left', greeting: 'Hello!' }),
      );
    } else if (req.url === '/api/widget/config/site-ar') {
      res.end(
        JSON.stringify({
          siteKey: 'site-ar',
          siteName: 'متجر',
          color: '#123456',
          position: 'right',
          greeting: 'مرحبا',
          locale: 'ar',
        }),
      );
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 'unknown_site', message: 'No such site' } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  handle?.unmount();
  handle = null;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function hostElement(): HTMLElement {
  const host = document.querySelector<HTMLElement>('parley-widget');
  if (!host?.shadowRoot) throw new Error('no widget host with an open shadow root');
  return host;
}

/** The widget's root element inside the shadow root, once the config has loaded. */
async function widgetRoot(): Promise<HTMLElement> {
  return waitFor(() => {
    const root = hostElement().shadowRoot?.querySelector<HTMLElement>('.root');
    if (!root) throw new Error('widget not rendered yet');
    return root;
  });
}

/**
 * jsdom has CSSStyleSheet but not ShadowRoot.adoptedStyleSheets; browsers have both. This stands
 * in for the browser's property so the test sees which path mount takes.
 */
function emulateAdoptedStyleSheets(): () => void {
  const sheets = new WeakMap<ShadowRoot, CSSStyleSheet[]>();
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
    configurable: true,
    get(this: ShadowRoot) {
      return sheets.get(this) ?? [];
    },
    set(this: ShadowRoot, value: CSSStyleSheet[]) {
      sheets.set(this, value);
    },
  });
  return () => {
    Reflect.deleteProperty(ShadowRoot.prototype, 'adoptedStyleSheets');
  };
}

describe('mount', () => {
  it('adopts a constructed stylesheet, which a strict CSP allows, where the browser supports it', () => {
    const restore = emulateAdoptedStyleSheets();
    try {
      handle = mount({ siteKey: 'site-a', serverUrl });
      const shadow = hostElement().shadowRoot;
      const [sheet] = shadow?.adoptedStyleSheets ?? [];
      expect(sheet?.cssRules.length).toBeGreaterThan(10);
      expect(shadow?.querySelector('style')).toBeNull();
    } finally {
      restore();
    }
  });

  it('falls back to a <style> element in browsers without adoptedStyleSheets', () => {
    handle = mount({ siteKey: 'site-a', serverUrl });
    expect(hostElement().shadowRoot?.querySelector('style')?.textContent).toContain('.launcher');
  });

  it('renders into an open shadow root, in the configured corner and colour', async () => {
    handle = mount({ siteKey: 'site-a', serverUrl: `${serverUrl}/` });
    const root = await widgetRoot();
    expect(root.classList.contains('left')).toBe(true);
    expect(root.style.getPropertyValue('--p-accent')).toBe('#ff5500');
    const launcher = await within(root).findByRole('button', { name: 'Open chat' });
    // the panel stays out of the accessibility tree until opened
    expect(within(root).queryByRole('log')).toBeNull();
    fireEvent.click(launcher);
    // open is client state: the component may subscribe to it a frame after its first render
    expect(await within(root).findByRole('button', { name: 'Close chat' })).toBe(launcher);
    expect(within(root).getByRole('log').textContent).toContain('Hello!');
    expect(within(root).getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(within(root).getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it('leaves nothing behind on unmount: no element, no document or window listener, no global', async () => {
    const globals = new Set(Object.keys(window));
    const live = new Map<string, number>();
    const count = (delta: number) => (type: string) => live.set(type, (live.get(type) ?? 0) + delta);
    const spies = [document, window].flatMap((target) => [
      vi.spyOn(target, 'addEventListener').mockImplementation(count(1)),
      vi.spyOn(target, 'removeEventListener').mockImplementation(count(-1)),
    ]);
    try {
      handle = mount({ siteKey: 'site-a', serverUrl });
      const root = await widgetRoot();
      handle.open();
      await within(root).findByRole('log');
      handle.unmount();
      handle = null;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(document.querySelector('parley-widget')).toBeNull();
    expect([...live].filter(([, n]) => n !== 0)).toEqual([]);
    expect(Object.keys(window).filter((key) => !globals.has(key))).toEqual([]);
  });

  it("speaks the site's configured language unless the page says otherwise", async () => {
    handle = mount({ siteKey: 'site-ar', serverUrl });
    expect((await widgetRoot()).getAttribute('lang')).toBe('ar');
    handle.setLocale('en');
    await waitFor(() => expect(hostElement().shadowRoot?.querySelector('.root')?.getAttribute('lang')).toBe('en'));
  });

  it('is driven by its handle: open, close, launcher, theme, locale, events', async () => {
    const seen: string[] = [];
    handle = mount({ siteKey: 'site-a', serverUrl, locale: 'de' });
    handle.on('ready', () => seen.push('ready'));
    handle.on('open', () => seen.push('open'));
    handle.on('close', () => seen.push('close'));
    const root = await widgetRoot();
    await waitFor(() => expect(seen).toEqual(['ready']));
    expect(root.getAttribute('lang')).toBe('de');

    handle.open();
    await within(root).findByRole('log');
    handle.toggle();
    await waitFor(() => expect(within(root).queryByRole('log')).toBeNull());
    expect(seen).toEqual(['ready', 'open', 'close']);

    // locale 'de': the launcher speaks German
    handle.hideLauncher();
    await waitFor(() => expect(within(root).queryByRole('button', { name: 'Chat öffnen' })).toBeNull());
    handle.showLauncher();
    await within(root).findByRole('button', { name: 'Chat öffnen' });

    handle.setTheme({ accentColor: '#00aa00', position: 'right' });
    handle.setLocale('fr');
    await waitFor(() => expect(root.style.getPropertyValue('--p-accent')).toBe('#00aa00'));
    expect(root.classList.contains('right')).toBe(true);
    // the French strings are a module of their own, so lang follows once they have loaded
    await waitFor(() => expect(root.getAttribute('lang')).toBe('fr'));
    expect(within(root).getByRole('button', { name: 'Ouvrir le chat' })).toBeTruthy();
  });

  it('stays invisible and says why in the console when the site is unknown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    handle = mount({ siteKey: 'nope', serverUrl });
    await waitFor(() => expect(warn).toHaveBeenCalledWith('Parley chat is unavailable: No such site'));
    expect(hostElement().shadowRoot?.querySelector('.root')).toBeNull();
    warn.mockRestore();
  });
});
