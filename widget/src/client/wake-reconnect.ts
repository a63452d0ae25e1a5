/**
 * @module Reconnects as soon as the page can reach the server again. After a laptop sleeps or the
 * network drops, socket.io's backoff may be at 30 s; the `online` event and the tab becoming
 * visible are better signals, and resume-by-seq makes the catch-up exact whenever it happens.
 */

export function watchWake(reconnectNow: () => void, win: Window = window): () => void {
  const onVisible = (): void => {
    if (win.document.visibilityState === 'visible') reconnectNow();
  };
  win.addEventListener('online', reconnectNow);
  win.document.addEventListener('visibilitychange', onVisible);
  return () => {
    win.removeEventListener('online', reconnectNow);
    win.document.removeEventListener('visibilitychange', onVisible);
  };
}
