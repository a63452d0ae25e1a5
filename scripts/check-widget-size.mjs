// The widget's byte budget, checked on every test run, on the bytes the server sends: the .br and .gz
// files the widget build writes beside each served file (server/src/http/precompressed-static.ts
// picks one by Accept-Encoding). Budgets hold for what a browser receives, brotli where the build
// wrote one (every current browser accepts it), else gzip, else the file itself; gzip is printed too.
//   loader  widget/dist/widget.js, on every page of every site that embeds Parley     ≤ 2 KB
//   total   loader + app chunk(s) + the largest locale: all a visitor downloads to chat ≤ 30 KB
//   lazy-*  chunks fetched only on demand (DOMPurify when an agent's message has formatting, the
//           link maker when a message has a URL, the opt-in sound, the page-rule engine when the
//           site's config has rules, rich content when an agent's message carries some, the attachments
//           interface on the first file, quotes/edit/delete once a conversation has messages): printed,
//           not counted. Only these (and "Talk to a person" while a bot answers): any other lazy-* chunk
//           fails the check, since everything needed to open and use the chat (forms included,
//           whatever their chunk) counts into the total
// Headers, the config request and the socket come on top: server/test/e2e/widget-transfer-size.test.ts
// measures all of it in Chromium. The npm build (widget/dist/npm) is printed for information;
// bundlers tree-shake, minify and compress it their own way.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './workspace.mjs';

const LOADER_BUDGET = 2 * 1024;
const TOTAL_BUDGET = 30 * 1024;
const dist = path.join(root, 'widget/dist');
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const size = (file) => (fs.existsSync(file) ? fs.statSync(file).size : undefined);

/** What goes out for `file`: to a browser (brotli, else gzip, else as is) and to a gzip-only client. */
function served(file) {
  const raw = fs.statSync(file).size;
  const gzip = size(`${file}.gz`) ?? raw;
  return { browser: size(`${file}.br`) ?? gzip, gzip };
}
const sum = (figures) =>
  figures.reduce((total, f) => ({ browser: total.browser + f.browser, gzip: total.gzip + f.gzip }), {
    browser: 0,
    gzip: 0,
  });

const loaderFile = path.join(dist, 'widget.js');
const chunkDir = path.join(dist, 'widget');
if (!fs.existsSync(loaderFile) || !fs.existsSync(chunkDir)) {
  process.stderr.write('widget size: widget/dist is missing or incomplete; build the widget first\n');
  process.exit(1);
}
if (!fs.existsSync(`${loaderFile}.br`) || !fs.existsSync(`${loaderFile}.gz`)) {
  process.stderr.write('widget size: widget/dist has no .br/.gz files (an old build?); build the widget again\n');
  process.exit(1);
}
const chunks = fs.readdirSync(chunkDir).filter((name) => name.endsWith('.js'));
const isLocale = (name) => name.startsWith('locale-');
const isLazy = (name) => name.startsWith('lazy-');
const LAZY_BY_DESIGN = [
  'lazy-sanitize',
  'lazy-linkify-dom',
  'lazy-chime',
  'lazy-rule-engine',
  'lazy-rich-content',
  'lazy-attachment-ui',
  'lazy-message-extras',
  // answer bot (issue 22): "Talk to a person", with the first conversation the bot holds
  'lazy-talk-to-person',
];
const chunkName = (file) => file.replace(/-[\w-]{8}\.js$/, '');
const strayLazy = chunks.filter((name) => isLazy(name) && !LAZY_BY_DESIGN.includes(chunkName(name)));
const app = sum(
  chunks.filter((name) => !isLocale(name) && !isLazy(name)).map((name) => served(path.join(chunkDir, name))),
);
const locales = chunks.filter(isLocale).map((name) => served(path.join(chunkDir, name)));
const locale = locales.reduce((big, f) => (f.browser > big.browser ? f : big), { browser: 0, gzip: 0 });
const loader = served(loaderFile);
const total = sum([loader, app, locale]);

const checks = [
  [
    `widget loader: ${kb(loader.browser)} as served to a browser (${loader.browser} B brotli; gzip ${kb(loader.gzip)}; budget ${kb(LOADER_BUDGET)})`,
    loader.browser <= LOADER_BUDGET,
  ],
  [
    `widget total:  ${kb(total.browser)} as served to a browser (loader + app ${kb(app.browser)} + one locale ${kb(locale.browser)}; gzip ${kb(total.gzip)}; budget ${kb(TOTAL_BUDGET)})`,
    total.browser <= TOTAL_BUDGET,
  ],
];
for (const name of strayLazy)
  checks.push([`${name}: only ${LAZY_BY_DESIGN.join(', ')} may stay out of the total`, false]);
let failed = false;
for (const [line, ok] of checks) {
  if (ok) process.stdout.write(`✓ ${line}\n`);
  else {
    process.stderr.write(`✖ ${line}\n`);
    failed = true;
  }
}
for (const name of chunks.filter(isLazy)) {
  const lazy = served(path.join(chunkDir, name));
  process.stdout.write(
    `  on demand:     ${chunkName(name)} ${kb(lazy.browser)} brotli, ${kb(lazy.gzip)} gzip (not counted)\n`,
  );
}
const npmEntry = path.join(dist, 'npm/index.js');
if (fs.existsSync(npmEntry))
  process.stdout.write(
    `  npm build:     ${kb(gzipSync(fs.readFileSync(npmEntry), { level: 9 }).length)} gzipped, unminified (not budgeted)\n`,
  );
process.exit(failed ? 1 : 0);
