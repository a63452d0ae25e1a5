// Builds the widget in three parts (vite's JS API; run by `pnpm build`):
//   dist/widget.js          the loader: IIFE, no Preact, stable URL, short cache (budget 2 KB gz)
//   dist/widget/app-*.js    the app chunk(s): ESM imported by the loader, content-hashed, cached forever
//   dist/npm/               `@parley/widget` for bundlers: ESM + .d.ts (`mount()`), not served
// The app is built first because the loader is told its hashed file name.
// `--watch` (pnpm dev) rebuilds loader and app on every change under src/.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import preact from '@preact/preset-vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
// dependencies guard dev-only code with process.env.NODE_ENV; the browser has no `process`, and a
// host page's own `process` global must not switch it back on
const define = { 'process.env.NODE_ENV': '"production"' };
const quiet = { configFile: false, root: here, logLevel: 'warn', define };

// The widget only ever connects with `transports: ['websocket']` (visitor-socket.ts), yet
// engine.io-client's transport table imports long-polling and WebTransport too: about 1.4 KB gz the
// visitor downloads and never runs. This keeps the table's shape with the WebSocket transport only.
// Likewise Parley's protocol is JSON only (shared/), so socket.io-parser's binary attachment
// (de)construction and engine.io-parser's base64 codec (~0.35 KB gz) are replaced by stubs that
// fail loudly if binary ever shows up; the client then drops the connection as for any parse
// error and reconnects.
/**
 * Replaces the part of a dependency's `code` from `from` up to (not including) `to` with
 * `replacement`. A new version that moves either bound fails the build here, rather than silently
 * shipping what was meant to be cut.
 */
function cut(code, from, to, replacement) {
  const start = code.indexOf(from);
  const end = code.indexOf(to);
  if (start === -1 || end < start) throw new Error(`a dependency changed: update the cut at "${from.trim()}" in widget/build.mjs`);
  return code.slice(0, start) + replacement + code.slice(end);
}

const websocketOnly = {
  name: 'parley-websocket-only',
  enforce: 'pre',
  load(id) {
    if (!/engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/.test(id)) return null;
    return 'import { WS } from "./websocket.js";\nexport const transports = { websocket: WS };\n';
  },
  transform(code, id) {
    const fail = '{ throw new Error("Parley sends no binary data"); }';
    if (/socket\.io-parser[\\/]build[\\/]esm[\\/]binary\.js$/.test(id)) {
      return `export function deconstructPacket() ${fail}\nexport function reconstructPacket() ${fail}\n`;
    }
    // engine.io's regex URI parser (~0.3 KB gz), for the fields socket.io reads, from the browser's
    // own URL parser; socket.io-client makes every URL absolute before parsing it
    if (/engine\.io-client[\\/]build[\\/]esm[\\/]contrib[\\/]parseuri\.js$/.test(id)) {
      return `export function parse(source) {
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
`;
    }
    // nothing is binary: the encoder always writes JSON text, and the decoder refuses binary frames
    if (/socket\.io-parser[\\/]build[\\/]esm[\\/]is-binary\.js$/.test(id)) {
      return 'export function isBinary() { return false; }\nexport function hasBinary() { return false; }\n';
    }
    // An upgrade probes a better transport once connected over long-polling; a connection that
    // starts on WebSocket has nothing to upgrade to (the server offers no upgrades), so the probe
    // (~0.4 KB gz) never runs. Cut out by its bounds; a new engine.io-client that moves them fails
    // the build here rather than shipping the probe unnoticed.
    if (/engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(id)) {
      return cut(code, '    _probe(name) {', '    /**\n     * Called when connection is deemed open.', '    _probe() {}\n');
    }
    // the catch-all listeners (onAny, onAnyOutgoing and friends, ~0.25 KB gz): the widget listens
    // to named events only; emitting still checks for them, and finds none
    if (/socket\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(id)) {
      return cut(code, '    onAny(listener) {', '    /**\n     * Notify the listeners for each packet sent', '');
    }
    // the XHR long-polling transport is re-exported by engine.io-client's index and runs code on
    // import (an XHR probe, a pagehide listener on the host page), so it survives tree-shaking
    if (/engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]polling-xhr\.js$/.test(id)) {
      const stub = `class { constructor() ${fail} }`;
      return `export const BaseXHR = ${stub};\nexport const Request = ${stub};\nexport const XHR = ${stub};\n`;
    }
    // engine.io packets as text only: Blob, ArrayBuffer and base64 (long-polling) handling goes. A
    // binary frame decodes as a parse error, and the client reconnects as for any other.
    if (/engine\.io-parser[\\/]build[\\/]esm[\\/]encodePacket\.browser\.js$/.test(id)) {
      return `import { PACKET_TYPES } from "./commons.js";
export const encodePacket = ({ type, data }, _supportsBinary, callback) => callback(PACKET_TYPES[type] + (data || ""));
export function encodePacketToBinary() ${fail}
`;
    }
    if (/engine\.io-parser[\\/]build[\\/]esm[\\/]decodePacket\.browser\.js$/.test(id)) {
      return `import { ERROR_PACKET, PACKET_TYPES_REVERSE } from "./commons.js";
export const decodePacket = (encoded) => {
  const type = typeof encoded === "string" ? PACKET_TYPES_REVERSE[encoded.charAt(0)] : undefined;
  if (!type) return ERROR_PACKET;
  return encoded.length > 1 ? { type, data: encoded.substring(1) } : { type };
};
`;
    }
    return null;
  },
};

async function buildApp() {
  const result = await build({
    ...quiet,
    plugins: [preact(), websocketOnly],
    build: {
      outDir: dist,
      emptyOutDir: false,
      sourcemap: false,
      // no modulepreload polyfill: it would inject a <link> and code the host page never asked for
      modulePreload: false,
      // library mode, because only there does vite leave dynamic imports alone: an app build wraps
      // each one in its preload helper (0.6 KB gz) although no chunk has CSS or imports to preload.
      // Library mode would keep whitespace and comments in ES output, hence minify/comments below.
      lib: { entry: { app: path.join(here, 'src/app-chunk.ts') }, formats: ['es'] },
      rollupOptions: {
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          minify: true,
          comments: false,
          entryFileNames: 'widget/[name]-[hash].js',
          // translations imported lazily from a locales/ folder are named locale-*, which is how
          // the size check counts one locale (not all of them) into what a visitor downloads;
          // the sanitizer for agent formatting (DOMPurify, 12 KB gz, fetched only when an agent's
          // message has markup), clickable links (for a message with a URL) and the opt-in sound are
          // lazy-*: reported, not counted as the chat's cost
          chunkFileNames: (chunk) =>
            chunk.facadeModuleId?.includes('/locales/')
              ? 'widget/locale-[name]-[hash].js'
              : /\/(text\/sanitize|text\/linkify-dom|client\/chime)/.test(chunk.facadeModuleId ?? '')
                ? 'widget/lazy-[name]-[hash].js'
                : 'widget/[name]-[hash].js',
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const entry = outputs.find((file) => file.type === 'chunk' && file.isEntry);
  if (!entry) throw new Error('the app build produced no entry chunk');
  return entry.fileName;
}

async function buildLoader(appFile) {
  await build({
    ...quiet,
    define: { ...define, __PARLEY_APP_CHUNK__: JSON.stringify(`./${appFile}`) },
    build: {
      outDir: dist,
      emptyOutDir: false,
      sourcemap: false,
      lib: {
        entry: path.join(here, 'src/loader/widget-loader.ts'),
        formats: ['iife'],
        // required by the iife format; the loader exports nothing, so no global of this name appears
        name: 'ParleyLoader',
        fileName: () => 'widget.js',
      },
    },
  });
}

async function buildNpm() {
  await build({
    ...quiet,
    plugins: [preact()],
    build: {
      outDir: path.join(dist, 'npm'),
      emptyOutDir: false,
      sourcemap: true,
      // Preact and socket.io-client are bundled in: the widget must not share (or be aliased to) the
      // host app's own Preact/React, and a host needs no framework at all
      lib: { entry: path.join(here, 'src/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  });
  const tsc = spawnSync(path.join(here, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.npm.json'], { cwd: here, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc could not emit the npm declarations');
  // declaration files keep the sources' `.ts` import suffixes; consumers resolve `.js`
  for (const file of fs.readdirSync(path.join(dist, 'npm'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.d.ts')) continue;
    const full = path.join(dist, 'npm', file);
    fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace(/(from '\.{1,2}\/[^']+)\.tsx?'/g, "$1.js'"));
  }
}

async function buildServed() {
  fs.rmSync(dist, { recursive: true, force: true });
  await buildLoader(await buildApp());
}

if (process.argv.includes('--watch')) {
  // a broken build is reported and the watch goes on
  const rebuild = () => buildServed().catch((error) => console.error(error));
  await rebuild();
  let timer = null;
  fs.watch(path.join(here, 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  });
} else {
  await buildServed();
  await buildNpm();
}
