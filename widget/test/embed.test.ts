/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findByRole, waitFor } from '@testing-library/preact';

/** A real server for the widget config; the embed must find it from the script tag alone. */
let server: Server;
let serverUrl: string;

beforeEach(async () => {
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ siteKey: 'site-a', siteName: 'Acme', color: '#123456', position: 'right', greeting: 'Hi' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.resetModules();
});

afterEach(async () => {
  // the embed keeps no handle (there is no API yet), so tests remove the host element themselves
  document.querySelectorAll('parley-widget').forEach((host) => host.remove());
  Reflect.deleteProperty(document, 'currentScript');
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Runs embed.ts as if loaded by `script`, the way a browser runs widget.js. */
async function runEmbed(attributes: Record<string, string>): Promise<void> {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.appendChild(script);
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  await import('../src/embed.ts');
}

async function launcher(): Promise<HTMLElement> {
  const root = await waitFor(() => {
    const found = document.querySelector('parley-widget')?.shadowRoot?.querySelector<HTMLElement>('.root');
    if (!found) throw new Error('widget not rendered');
    return found;
  });
  return findByRole(root, 'button', { name: 'Open chat' });
}

describe('embed', () => {
  it('talks to the server that served widget.js', async () => {
    await runEmbed({ src: `${serverUrl}/widget.js`, 'data-site-key': 'site-a' });
    expect(await launcher()).toBeTruthy();
    expect(document.querySelector('parley-widget')?.getAttribute('data-site-key')).toBe('site-a');
  });

  it('lets data-server-url point elsewhere, for widget.js served from a CDN', async () => {
    await runEmbed({ src: 'https://cdn.invalid/parley/widget.js', 'data-site-key': 'site-a', 'data-server-url': serverUrl });
    expect(await launcher()).toBeTruthy();
  });

  it('mounts once when the snippet is pasted twice', async () => {
    await runEmbed({ src: `${serverUrl}/widget.js`, 'data-site-key': 'site-a' });
    vi.resetModules();
    await runEmbed({ src: `${serverUrl}/widget.js`, 'data-site-key': 'site-a' });
    await launcher();
    expect(document.querySelectorAll('parley-widget')).toHaveLength(1);
  });

  it('mounts nothing and says why without a site key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await runEmbed({ src: `${serverUrl}/widget.js` });
    expect(warn).toHaveBeenCalledWith('Parley chat: the <script> tag needs a data-site-key attribute');
    expect(document.querySelector('parley-widget')).toBeNull();
    warn.mockRestore();
  });
});
