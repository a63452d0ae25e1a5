/**
 * @module The widget as a library, for sites that bundle it instead of embedding widget.js.
 */
export { mount } from './mount.ts';
export type { MountOptions, WidgetHandle } from './mount.ts';
export type { ChatState, ConnectionState } from './client/chat-state.ts';
