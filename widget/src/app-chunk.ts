/**
 * @module Entry of the app chunk widget.js imports lazily: the whole chat (Preact UI, socket
 * client) behind one `boot()` the loader calls with the settings and config it already has.
 */
export { boot } from './mount.ts';
