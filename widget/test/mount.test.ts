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
      res.end(JSON.stringify({ siteKey: 'site-a', siteName: 'Acme', color: '#ff5500', position: 'left', greeting: 'Hello!' }));
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
    expect(root.style.getPropertyValue('--parley-accent')).toBe('#ff5500');
    const launcher = await within(root).findByRole('button', { name: 'Open chat' });
    // the panel stays out of the accessibility tree until opened
    expect(within(root).queryByRole('log')).toBeNull();
    fireEvent.click(launcher);
    expect(within(root).getByRole('button', { name: 'Close chat' })).toBe(launcher);
    expect(within(root).getByRole('log').textContent).toContain('Hello!');
    expect(within(root).getByRole('textbox', { name: 'Message' })).toBeTruthy();
    expect(within(root).getByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it('leaves nothing behind on unmount', async () => {
    handle = mount({ siteKey: 'site-a', serverUrl });
    await widgetRoot();
    handle.unmount();
    handle = null;
    expect(document.querySelector('parley-widget')).toBeNull();
  });

  it('stays invisible and says why in the console when the site is unknown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    handle = mount({ siteKey: 'nope', serverUrl });
    await waitFor(() => expect(warn).toHaveBeenCalledWith('Parley chat is unavailable: No such site'));
    expect(hostElement().shadowRoot?.querySelector('.root')).toBeNull();
    warn.mockRestore();
  });
});
