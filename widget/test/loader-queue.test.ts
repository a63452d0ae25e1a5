/// <reference types="node" />
/**
 * The `Parley(…)` queue of widget.js: calls made before the app chunk arrives are replayed on it in
 * order, the app is fetched on idle or when a call needs it, and the launcher stands in meanwhile.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/preact';
import { createParley, type AppModule, type LoaderDeps } from '../src/loader/loader-core.ts';
import { drawPlaceholder, PLACEHOLDER_TAG } from '../src/loader/placeholder-launcher.ts';
import type { BootOptions } from '../src/mount.ts';
import { recordingHandle, type RecordingHandle } from './recording-handle.ts';

const CONFIG = { siteKey: 'site-a', siteName: 'Acme', color: '#ff5500', position: 'left', greeting: 'Hi' };

/** What a page's inline stub collects: `arguments` objects, pushed in call order. */
function stubQueue(...calls: unknown[][]): IArguments[] {
  const q: IArguments[] = [];
  const stub = function (..._args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params -- the stub as pages paste it: the loader must take `arguments` objects
    q.push(arguments);
  };
  for (const call of calls) stub(...call);
  return q;
}

interface Harness {
  deps: LoaderDeps;
  handle: RecordingHandle;
  booted: BootOptions[];
  imports: () => number;
  runIdle: () => void;
  idleScheduled: () => boolean;
}

function harness(): Harness {
  const handle = recordingHandle();
  const booted: BootOptions[] = [];
  let imports = 0;
  let idle: (() => void) | null = null;
  const app: AppModule = {
    boot(options) {
      booted.push(options);
      return handle;
    },
  };
  const deps: LoaderDeps = {
    defaultServerUrl: 'https://chat.example.com',
    importApp: () => {
      imports++;
      return Promise.resolve(app);
    },
    bodyReady: () => Promise.resolve(),
    whenIdle: (fn) => (idle = fn),
    fetchConfig: () =>
      Promise.resolve(new Response(JSON.stringify(CONFIG), { headers: { 'content-type': 'application/json' } })),
    drawPlaceholder,
  };
  return {
    deps,
    handle,
    booted,
    imports: () => imports,
    runIdle: () => idle?.(),
    idleScheduled: () => idle !== null,
  };
}

const placeholderButton = (): HTMLButtonElement | null =>
  document.querySelector(PLACEHOLDER_TAG)?.shadowRoot?.querySelector('button') ?? null;

/** The stand-in launcher, once the loader has drawn it from the site's config. */
const drawnPlaceholder = (): Promise<HTMLButtonElement> =>
  waitFor(() => {
    const found = placeholderButton();
    if (!found) throw new Error('no launcher yet');
    return found;
  });

afterEach(() => {
  document.querySelectorAll(PLACEHOLDER_TAG).forEach((el) => el.remove());
});

describe('the Parley queue', () => {
  it('replays calls a stub queued before widget.js loaded, in order, once the app is there', async () => {
    const h = harness();
    const onReady = vi.fn();
    const q = stubQueue(
      ['on', 'ready', onReady],
      ['identify', { id: 'u1', name: 'Ada' }],
      ['setLocale', 'de'],
      ['open'],
    );
    createParley(q, { siteKey: 'site-a' }, h.deps);
    // open needs the app: it is fetched at once, without waiting for idle time
    await waitFor(() => expect(h.booted).toHaveLength(1));
    expect(h.booted[0]?.siteKey).toBe('site-a');
    expect(h.booted[0]?.serverUrl).toBe('https://chat.example.com');
    // the loader's own ready listener (to swap its launcher) comes first, then the page's calls
    expect(h.handle.calls).toEqual([
      ['on', 'ready'],
      ['on', 'ready'],
      ['identify', { id: 'u1', name: 'Ada' }],
      ['setLocale', 'de'],
      ['open'],
    ]);
    h.handle.fire('ready', { siteKey: 'site-a' });
    expect(onReady).toHaveBeenCalledWith({ siteKey: 'site-a' });
  });

  it('sends calls made after the app loaded straight to it', async () => {
    const h = harness();
    const parley = createParley([], { siteKey: 'site-a' }, h.deps);
    parley('toggle');
    await waitFor(() => expect(h.handle.calls).toEqual([['on', 'ready'], ['toggle']]));
    parley('close');
    parley('setTheme', { accentColor: '#000' });
    expect(h.handle.calls.slice(2)).toEqual([['close'], ['setTheme', { accentColor: '#000' }]]);
  });

  it('waits for idle time when nothing needs the app yet, and keeps calls until then', async () => {
    const h = harness();
    const parley = createParley([], { siteKey: 'site-a' }, h.deps);
    parley('identify', { id: 'u1' });
    parley('hideLauncher');
    await Promise.resolve();
    expect(h.imports()).toBe(0);
    expect(h.idleScheduled()).toBe(true);
    h.runIdle();
    await waitFor(() =>
      expect(h.handle.calls).toEqual([['on', 'ready'], ['identify', { id: 'u1' }], ['hideLauncher']]),
    );
    expect(h.imports()).toBe(1);
  });

  it('records the page a queued trackPageView was called on, not the page at replay', async () => {
    const h = harness();
    const parley = createParley([], { siteKey: 'site-a', load: 'interaction' }, h.deps);
    document.title = 'Pricing';
    parley('trackPageView');
    parley('trackPageView', { title: 'Checkout' });
    parley('open');
    await waitFor(() => expect(h.booted).toHaveLength(1));
    expect(h.handle.calls.filter(([name]) => name === 'trackPageView')).toEqual([
      ['trackPageView', { url: location.href, title: 'Pricing' }],
      ['trackPageView', { url: location.href, title: 'Checkout' }],
    ]);
  });

  it('with data-load="interaction", draws the launcher and fetches the app only when it is clicked', async () => {
    const h = harness();
    createParley([], { siteKey: 'site-a', load: 'interaction' }, h.deps);
    const button = await drawnPlaceholder();
    expect(button.getAttribute('aria-label')).toBe('Open chat');
    expect(button.className).toBe('l left');
    expect(button.style.getPropertyValue('--a')).toBe('#ff5500');
    expect(h.idleScheduled()).toBe(false);
    expect(h.imports()).toBe(0);
    expect(button.hasAttribute('aria-busy')).toBe(false);
    button.click();
    // pressed while the app loads: busy (a turning ring) rather than nothing visible
    expect(button.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(h.handle.calls).toEqual([['on', 'ready'], ['open']]));
    // the stand-in launcher goes once the app has drawn its own
    expect(document.querySelector(PLACEHOLDER_TAG)).not.toBeNull();
    h.handle.fire('ready', { siteKey: 'site-a' });
    expect(document.querySelector(PLACEHOLDER_TAG)).toBeNull();
  });

  it('hands the keyboard focus from the stand-in launcher to the app’s, and takes it nowhere else', async () => {
    const h = harness();
    createParley([], { siteKey: 'site-a', load: 'interaction' }, h.deps);
    const button = await drawnPlaceholder();
    // a keyboard user tabs to the launcher: focusing it starts fetching the app
    button.focus();
    expect(document.activeElement).toBe(document.querySelector(PLACEHOLDER_TAG));
    await waitFor(() => expect(h.booted).toHaveLength(1));
    h.handle.fire('ready', { siteKey: 'site-a' });
    expect(document.querySelector(PLACEHOLDER_TAG)).toBeNull();
    expect(h.handle.calls).toEqual([['on', 'ready'], ['focusLauncher']]);

    // a visitor whose focus is elsewhere on the page keeps it there
    const other = harness();
    const input = document.body.appendChild(document.createElement('input'));
    createParley([], { siteKey: 'site-a' }, other.deps);
    await drawnPlaceholder();
    input.focus();
    other.runIdle();
    await waitFor(() => expect(other.booted).toHaveLength(1));
    other.handle.fire('ready', { siteKey: 'site-a' });
    expect(other.handle.calls).toEqual([['on', 'ready']]);
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it('waits for init when the script tag has no site key, and takes it from the queue too', async () => {
    const h = harness();
    const parley = createParley(stubQueue(['open']), null, h.deps);
    await Promise.resolve();
    expect(h.imports()).toBe(0);
    parley('init', { siteKey: 'site-b', serverUrl: 'https://parley.example.org/' });
    await waitFor(() => expect(h.booted).toHaveLength(1));
    expect(h.booted[0]?.serverUrl).toBe('https://parley.example.org');
    expect(h.handle.calls).toEqual([['on', 'ready'], ['open']]);
  });

  it('refuses unknown commands with a warning instead of passing them on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = harness();
    const parley = createParley([], { siteKey: 'site-a' }, h.deps);
    parley('constructor');
    parley('open');
    await waitFor(() => expect(h.handle.calls).toEqual([['on', 'ready'], ['open']]));
    expect(warn).toHaveBeenCalledWith('Parley chat: unknown command constructor');
    warn.mockRestore();
  });
});
