/// <reference types="node" />
/**
 * widget.js as a page runs it: from a classic script tag with data- attributes. It defines
 * `window.Parley` and nothing else, and a second copy of the snippet changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/preact';
import { PLACEHOLDER_TAG } from '../src/loader/placeholder-launcher.ts';

const CONFIG = { siteKey: 'site-a', siteName: 'Acme', color: '#123456', position: 'right', greeting: 'Hi' };
let fetched: string[] = [];

beforeEach(() => {
  vi.resetModules();
  fetched = [];
  // jsdom has no network to the test's own origin; the loader's one request is answered here
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    return Promise.resolve(new Response(JSON.stringify(CONFIG), { headers: { 'content-type': 'application/json' } }));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'Parley');
  Reflect.deleteProperty(document, 'currentScript');
  document.querySelectorAll(`${PLACEHOLDER_TAG}, script`).forEach((el) => el.remove());
});

/** Runs the loader as if `<script async src=… data-…>` had loaded it. */
async function runLoader(attributes: Record<string, string>): Promise<void> {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.appendChild(script);
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  await import('../src/loader/widget-loader.ts');
}

describe('widget.js', () => {
  it('defines window.Parley and no other global, and draws the launcher', async () => {
    const before = new Set(Object.keys(window));
    await runLoader({
      src: 'https://chat.example.com/widget.js',
      'data-site-key': 'site-a',
      'data-load': 'interaction',
    });
    expect(Object.keys(window).filter((key) => !before.has(key))).toEqual(['Parley']);
    await waitFor(() =>
      expect(document.querySelector(PLACEHOLDER_TAG)?.shadowRoot?.querySelector('button')).toBeTruthy(),
    );
    // the server that served widget.js is the one asked
    expect(fetched).toEqual(['https://chat.example.com/api/widget/config/site-a']);
  });

  it('lets data-server-url point elsewhere, for widget.js served from a CDN', async () => {
    await runLoader({
      src: 'https://cdn.example.net/parley/widget.js',
      'data-site-key': 'site-a',
      'data-server-url': 'https://chat.example.com/',
      'data-load': 'interaction',
    });
    await waitFor(() => expect(fetched).toEqual(['https://chat.example.com/api/widget/config/site-a']));
  });

  it('does nothing the second time the snippet runs', async () => {
    await runLoader({
      src: 'https://chat.example.com/widget.js',
      'data-site-key': 'site-a',
      'data-load': 'interaction',
    });
    const first = Reflect.get(window, 'Parley');
    vi.resetModules();
    await runLoader({
      src: 'https://chat.example.com/widget.js',
      'data-site-key': 'site-a',
      'data-load': 'interaction',
    });
    expect(Reflect.get(window, 'Parley')).toBe(first);
    await waitFor(() => expect(document.querySelectorAll(PLACEHOLDER_TAG)).toHaveLength(1));
    expect(fetched).toHaveLength(1);
  });

  it('takes over the queue of an inline stub that ran first', async () => {
    // the documented stub, verbatim in spirit: window.Parley=window.Parley||function(){(Parley.q=Parley.q||[]).push(arguments)}
    const q: IArguments[] = [];
    const stub = Object.assign(
      function (..._args: unknown[]) {
        // eslint-disable-next-line prefer-rest-params -- the stub as pages paste it: the loader must take `arguments` objects
        q.push(arguments);
      },
      { q },
    );
    Reflect.set(window, 'Parley', stub);
    stub('init', { siteKey: 'site-a', serverUrl: 'https://chat.example.com', load: 'interaction' });
    await runLoader({ src: 'https://chat.example.com/widget.js', 'data-load': 'interaction' });
    expect(Reflect.get(window, 'Parley')).not.toBe(stub);
    await waitFor(() => expect(fetched).toEqual(['https://chat.example.com/api/widget/config/site-a']));
  });
});
