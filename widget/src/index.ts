/**
 * @module The widget as a library (`@parley/widget` on npm), for sites that bundle it instead of
 * embedding widget.js. Everything exported here is public and typed without the wire protocol.
 */
export { mount } from './mount.ts';
export type { MountOptions, WidgetHandle } from './mount.ts';
export type {
  PageView,
  ParleyApi,
  ParleyCommand,
  ParleyEventMap,
  ParleyEventName,
  ParleyListener,
  ParleyMethod,
  ReceivedMessage,
  ThemeOptions,
  VisitorIdentity,
} from './api/widget-api.ts';
