/**
 * @module A build plugin that trims socket.io-client to what the widget runs, a WebSocket-only
 * JSON client: every byte it leaves out is one the visitor does not download (30 KB budget).
 *
 * The widget connects with `transports: ['websocket']` only (visitor-socket.ts) and Parley's
 * protocol is JSON (shared/), so long-polling, WebTransport, transport upgrades and binary or
 * base64 packets never run. Stubs that stand in for binary handling fail loudly if binary ever
 * shows up: the client drops the connection as for any parse error and reconnects. Parts cut out
 * of a file are found by their text; a new version that moves them fails the build (see `cut`)
 * rather than silently shipping what was meant to go.
 */
const fail = '{ throw new Error("Parley sends no binary data"); }';
const file = (path) => new RegExp(`${path.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.')}$`);

/** `code` without the part from `from` up to (not including) `to`, which becomes `replacement`. */
function cut(code, from, to, replacement) {
  const start = code.indexOf(from);
  const end = code.indexOf(to);
  if (start === -1 || end < start) throw new Error(`a dependency changed: update the cut at "${from.trim()}" in widget/socket-trim-plugin.mjs`);
  return code.slice(0, start) + replacement + code.slice(end);
}

/** [file, its new code from the old]: each with what it saves and why that is safe. */
const REPLACEMENTS = [
  // the transport table imports long-polling and WebTransport too (~1.4 KB gz); same shape, WebSocket only
  [
    file('engine.io-client/build/esm/transports/index.js'),
    () => 'import { WS } from "./websocket.js";\nexport const transports = { websocket: WS };\n',
  ],
  // the XHR transport is re-exported by engine.io-client's index and runs code on import (an XHR
  // probe, a pagehide listener on the host page that unmount() could not remove)
  [
    file('engine.io-client/build/esm/transports/polling-xhr.js'),
    () => ['BaseXHR', 'Request', 'XHR'].map((name) => `export const ${name} = class { constructor() ${fail} };\n`).join(''),
  ],
  // an upgrade probes a better transport after connecting over long-polling; a connection that
  // starts on WebSocket has nothing to upgrade to (the server offers no upgrades) (~0.4 KB gz)
  [
    file('engine.io-client/build/esm/socket.js'),
    (code) => cut(code, '    _probe(name) {', '    /**\n     * Called when connection is deemed open.', '    _probe() {}\n'),
  ],
  // the regex URI parser (~0.3 KB gz), for the fields socket.io reads, from the browser's URL
  // parser; socket.io-client makes every URL absolute before it parses it
  [
    file('engine.io-client/build/esm/contrib/parseuri.js'),
    () => `export function parse(source) {
  const url = new URL(source);
  return {
    source,
    protocol: url.protocol.slice(0, -1),
    host: url.hostname.replace(/^\\[|\\]$/g, ''),
    port: url.port,
    path: url.pathname,
    query: url.search.slice(1),
    queryKey: Object.fromEntries(url.searchParams),
  };
}
`,
  ],
  // engine.io packets as text only: no Blob, ArrayBuffer or base64 (long-polling) handling; a
  // binary frame decodes as a parse error
  [
    file('engine.io-parser/build/esm/encodePacket.browser.js'),
    () => `import { PACKET_TYPES } from "./commons.js";
export const encodePacket = ({ type, data }, _supportsBinary, callback) => callback(PACKET_TYPES[type] + (data || ""));
export function encodePacketToBinary() ${fail}
`,
  ],
  [
    file('engine.io-parser/build/esm/decodePacket.browser.js'),
    () => `import { ERROR_PACKET, PACKET_TYPES_REVERSE } from "./commons.js";
export const decodePacket = (encoded) => {
  const type = typeof encoded === "string" ? PACKET_TYPES_REVERSE[encoded.charAt(0)] : undefined;
  if (!type) return ERROR_PACKET;
  return encoded.length > 1 ? { type, data: encoded.substring(1) } : { type };
};
`,
  ],
  [file('engine.io-parser/build/esm/contrib/base64-arraybuffer.js'), () => `export function encode() ${fail}\nexport function decode() ${fail}\n`],
  // socket.io packets: nothing is binary, so the encoder always writes JSON text and binary
  // attachments are never (de)constructed
  [file('socket.io-parser/build/esm/is-binary.js'), () => 'export function isBinary() { return false; }\nexport function hasBinary() { return false; }\n'],
  [file('socket.io-parser/build/esm/binary.js'), () => `export function deconstructPacket() ${fail}\nexport function reconstructPacket() ${fail}\n`],
  // the catch-all listeners (onAny, onAnyOutgoing and friends, ~0.25 KB gz): the widget listens to
  // named events only; emitting still checks for them, and finds none. And emitWithAck: the widget
  // waits for acks with callbacks (socket-request.ts)
  [
    file('socket.io-client/build/esm/socket.js'),
    (code) =>
      cut(
        cut(code, '    onAny(listener) {', '    /**\n     * Notify the listeners for each packet sent', ''),
        '    emitWithAck(ev, ...args) {',
        '    /**\n     * Add the packet to the queue.',
        '',
      ),
  ],
];

export const socketTrim = {
  name: 'parley-socket-trim',
  enforce: 'pre',
  transform(code, id) {
    const match = REPLACEMENTS.find(([pattern]) => pattern.test(id));
    // a replaced file keeps no source map of the original (`mappings: ''` says so explicitly)
    return match ? { code: match[1](code), map: { mappings: '' } } : null;
  },
};
