/**
 * @module Keeps a visitor's tabs of one site in step. Messages already reach every tab (the server
 * echoes to all of a visitor's sockets); what is left is whether the panel is open, sent over a
 * BroadcastChannel named after the site (same origin only, by the browser's rules). A new tab asks
 * the others, so it opens with the panel as they have it rather than closed.
 */

/** A tab opened or closed the panel (`reply`: answering a new tab's `ask`), or a new tab asks. */
export type TabMessage = { open: boolean; reply?: true } | { ask: true };

export interface TabSync {
  post(message: TabMessage): void;
  close(): void;
}

export function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { open, reply, ask } = value as Record<string, unknown>;
  return ask === true || (typeof open === 'boolean' && (reply === undefined || reply === true));
}

/** A no-op where BroadcastChannel is missing (old Safari): each tab then keeps its own state. */
export function createTabSync(siteKey: string, onMessage: (message: TabMessage) => void): TabSync {
  if (typeof BroadcastChannel !== 'function') return { post() {}, close() {} };
  const channel = new BroadcastChannel(`parley:${siteKey}`);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    // another script on the page could use the same name: accept only our shape
    if (isTabMessage(event.data)) onMessage(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
