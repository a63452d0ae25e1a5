/**
 * @module Keeps a visitor's tabs of one site in step. Messages already reach every tab (the server
 * echoes to all of a visitor's sockets); what is left is whether the panel is open, sent over a
 * BroadcastChannel named after the site (same origin only, by the browser's rules).
 */

export interface TabMessage {
  open: boolean;
}

export interface TabSync {
  post(message: TabMessage): void;
  close(): void;
}

export function isTabMessage(value: unknown): value is TabMessage {
  return typeof value === 'object' && value !== null && typeof (value as { open?: unknown }).open === 'boolean';
}

/** A no-op where BroadcastChannel is missing (old Safari): each tab then keeps its own state. */
export function createTabSync(siteKey: string, onMessage: (message: TabMessage) => void): TabSync {
  if (typeof BroadcastChannel !== 'function') return { post() {}, close() {} };
  const channel = new BroadcastChannel(`parley:${siteKey}`);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    // another script on the page could use the same name: accept only our shape
    if (isTabMessage(event.data)) onMessage({ open: event.data.open });
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
