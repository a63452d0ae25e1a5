/**
 * A WidgetHandle that records the calls it gets, for the loader's tests: what reached the app,
 * in which order, with which arguments.
 */
import type { BootedWidget } from '../src/mount.ts';
import type { ParleyEventName, ParleyListener, ParleyEventMap } from '../src/api/widget-api.ts';

export interface RecordingHandle extends BootedWidget {
  calls: unknown[][];
  fire<E extends ParleyEventName>(event: E, payload: ParleyEventMap[E]): void;
}

export function recordingHandle(): RecordingHandle {
  const calls: unknown[][] = [];
  const listeners: Array<[ParleyEventName, (payload: never) => void]> = [];
  return {
    calls,
    open: () => calls.push(['open']),
    close: () => calls.push(['close']),
    toggle: () => calls.push(['toggle']),
    showLauncher: () => calls.push(['showLauncher']),
    hideLauncher: () => calls.push(['hideLauncher']),
    identify: (visitor) => calls.push(['identify', visitor]),
    setLocale: (locale) => calls.push(['setLocale', locale]),
    setTheme: (theme) => calls.push(['setTheme', theme]),
    trackPageView: (page) => calls.push(['trackPageView', page]),
    reset: () => calls.push(['reset']),
    openArticle: (slug) => calls.push(['openArticle', slug]),
    searchHelp: (query) => calls.push(['searchHelp', query]),
    on<E extends ParleyEventName>(event: E, listener: ParleyListener<E>) {
      calls.push(['on', event]);
      listeners.push([event, listener]);
    },
    off: (event) => calls.push(['off', event]),
    unmount: () => calls.push(['unmount']),
    focusLauncher: () => calls.push(['focusLauncher']),
    fire<E extends ParleyEventName>(event: E, payload: ParleyEventMap[E]) {
      for (const [name, listener] of listeners) if (name === event) (listener as ParleyListener<E>)(payload);
    },
  };
}
