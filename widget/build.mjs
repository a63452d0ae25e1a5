// Builds the widget in three parts (vite's JS API; run by `pnpm build`):
//   dist/widget.js          the loader: IIFE, no Preact, stable URL, short cache (budget 2 KB gz)
//   dist/widget/app-*.js    the app chunk(s): ESM imported by the loader, content-hashed, cached forever
//   dist/npm/               `@parley/widget` for bundlers: ESM + .d.ts (`mount()`), not served
// The app is built first because the loader is told its hashed file name. Every served file gets a
// .br and a .gz twin (scripts/precompress.mjs): the server sends those to browsers that accept them.
// `--watch` (pnpm dev) rebuilds loader and app on every change under src/.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { minify } from 'terser';
import { precompress } from '../scripts/precompress.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
// dependencies guard dev-only code with process.env.NODE_ENV; the browser has no `process`, and a
// host page's own `process` global must not switch it back on
const define = { 'process.env.NODE_ENV': '"production"' };
const quiet = { configFile: false, root: here, logLevel: 'warn', define };

const sheetNames = ['widget.css', 'forms.css', 'rich-content.css'];
/** The accent's properties: accentStyle() sets all of them on the widget's root, whatever the theme. */
const SET_AT_RUN_TIME = new Set([
  '--p-accent',
  '--p-on-accent',
  '--p-accent-strong',
  '--p-accent-soft',
  '--p-on-accent-soft',
  '--p-focus',
]);

/** `--p-name: value;` declarations in `css`, by name (whitespace in the value collapsed). */
function declarations(css) {
  return new Map(
    [...css.matchAll(/(--p-[\w-]+)\s*:\s*([^;]*);/g)].map(([, name, value]) => [name, value.replace(/\s+/g, ' ')]),
  );
}

/**
 * The widget's copy of the design tokens (every byte of the widget counts against its budget):
 * - tokens its stylesheets never read are left out (the console's, a monospace font, larger type);
 * - the accent's are too: set at run time from accentPalette() on the root, they always win;
 * - tokens no theme or media query changes (type, space, shape, focus ring, easing) are written
 *   into widget.css, forms.css and rich-content.css as values, and left out of the tokens: the same rules, shorter.
 * Colours, shadows and durations stay custom properties: the dark theme and reduced motion change them.
 */
function widgetTokens() {
  const source = fs.readFileSync(path.join(here, '../shared/src/design/tokens.css'), 'utf8');
  const firstBlock = source.slice(source.indexOf('.p-theme {'), source.indexOf('}', source.indexOf('.p-theme {')));
  const changing = declarations(source.slice(source.indexOf('}', source.indexOf('.p-theme {'))));
  const constant = new Map([...declarations(firstBlock)].filter(([name]) => !changing.has(name)));
  const sheets = sheetNames.map((name) => fs.readFileSync(path.join(here, 'src/app', name), 'utf8'));
  const used = new Set(sheets.join('\n').match(/--p-[\w-]+/g));
  const kept = (name) => used.has(name) && !SET_AT_RUN_TIME.has(name) && !constant.has(name);
  return {
    name: 'parley-widget-tokens',
    enforce: 'pre',
    transform(code, id) {
      if (/design\/tokens\.css\?inline$/.test(id))
        return code.replace(/\s*(--p-[\w-]+)\s*:[^;]*;/g, (declaration, name) => (kept(name) ? declaration : ''));
      if (/\/app\/(widget|forms|rich-content)\.css\?inline$/.test(id))
        return code.replace(/var\((--p-[\w-]+)\)/g, (reference, name) => constant.get(name) ?? reference);
      return null;
    },
  };
}

/**
 * Terser over every chunk after rolldown's own minifier: three compress passes find what the
 * built-in one leaves (about 0.3 KB brotli off the app chunk, which the first visit's budget
 * feels). Vite applies terser itself to no ES library output, hence this plugin. Chunk names keep
 * the hash of what rolldown wrote, which the same sources always turn into the same bytes.
 */
function terser({ module }) {
  return {
    name: 'parley-terser',
    async generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const result = await minify(file.code, {
          module,
          ecma: 2022,
          compress: { passes: 3 },
          format: { comments: false },
        });
        if (result.code !== undefined) file.code = result.code;
      }
    },
  };
}

async function buildApp() {
  const result = await build({
    ...quiet,
    plugins: [widgetTokens(), preact(), terser({ module: true })],
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
        // the forms chunk imports what it shares with the app from the app chunk (one more export there)
        // rather than from a third chunk that would cost the first load a request of its own
        preserveEntrySignatures: 'allow-extension',
        output: {
          format: 'es',
          minify: true,
          comments: false,
          entryFileNames: 'widget/[name]-[hash].js',
          // translations imported lazily from a locales/ folder are named locale-*, which is how
          // the size check counts one locale (not all of them) into what a visitor downloads;
          // the sanitizer for agent formatting (DOMPurify, 12 KB gz, fetched only when an agent's
          // message has markup), clickable links (for a message with a URL), the opt-in sound and the
          // page-rule engine (for a site with rules), rich content (quick replies, cards, forms, article
          // links: when an agent's message has some), the attachments interface (on the first file) and the
          // message extras (quotes, edit, delete: once a conversation has messages) are lazy-*: reported,
          // not counted as the chat's cost
          chunkFileNames: (chunk) =>
            chunk.facadeModuleId?.includes('/locales/')
              ? 'widget/locale-[name]-[hash].js'
              : /\/(text\/sanitize|text\/linkify-dom|client\/chime|triggers\/rule-engine|app\/rich-content|attachments\/attachment-ui|app\/message-extras|app\/talk-to-person)/.test(
                    chunk.facadeModuleId ?? '',
                  )
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
    // the loader is a classic script (IIFE): no module semantics for terser to assume
    plugins: [terser({ module: false })],
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
      // Preact is bundled in: the widget must not share (or be aliased to) the host app's own
      // Preact/React, and a host needs no framework at all
      lib: { entry: path.join(here, 'src/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  });
  const tsc = spawnSync(path.join(here, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.npm.json'], {
    cwd: here,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error('tsc could not emit the npm declarations');
  // declaration files keep the sources' `.ts` import suffixes; consumers resolve `.js`
  for (const file of fs.readdirSync(path.join(dist, 'npm'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.d.ts')) continue;
    const full = path.join(dist, 'npm', file);
    fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace(/(from '\.{1,2}\/[^']+)\.tsx?'/g, "$1.js'"));
  }
  keepPublicDeclarations(path.join(dist, 'npm'));
}

/**
 * tsc emits a declaration for every module mount() reaches, the wire protocol and Preact types among
 * them; only those the public entry's types reach ship (nothing the package does not install).
 */
function keepPublicDeclarations(dir) {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)\.js'/g))
      visit(path.resolve(path.dirname(file), `${specifier}.d.ts`));
  };
  visit(path.join(dir, 'index.d.ts'));
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, file);
    if (full.endsWith('.d.ts') && !reached.has(full)) fs.rmSync(full);
  }
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort((a, b) => b.length - a.length)) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isDirectory() && fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
}

async function buildServed() {
  fs.rmSync(dist, { recursive: true, force: true });
  await buildLoader(await buildApp());
  precompress([path.join(dist, 'widget.js'), path.join(dist, 'widget')]);
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
