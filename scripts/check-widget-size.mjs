// The widget's byte budget (gzip -9, like the size floors in TOOLING.md), checked on every test run:
//   loader  widget/dist/widget.js, on every page of every site that embeds Parley     ≤ 2 KB
//   total   loader + app chunk(s) + the largest locale: all a visitor downloads to chat ≤ 30 KB
//   lazy-*  chunks fetched only on demand (DOMPurify when an agent's message has formatting, the
//           link maker when a message has a URL, the opt-in sound): printed, not counted. Only
//           these three: any other lazy-* chunk fails the check, since everything needed to open
//           and use the chat (forms included, whatever their chunk) counts into the total
// The npm build (widget/dist/npm) is printed for information; bundlers tree-shake and minify it.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './workspace.mjs';

const LOADER_BUDGET = 2 * 1024;
const TOTAL_BUDGET = 30 * 1024;
const dist = path.join(root, 'widget/dist');
const gz = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

const loaderFile = path.join(dist, 'widget.js');
const chunkDir = path.join(dist, 'widget');
if (!fs.existsSync(loaderFile) || !fs.existsSync(chunkDir)) {
  process.stderr.write('widget size: widget/dist is missing or incomplete; build the widget first\n');
  process.exit(1);
}
const chunks = fs.readdirSync(chunkDir).filter((name) => name.endsWith('.js'));
const isLocale = (name) => name.startsWith('locale-');
const isLazy = (name) => name.startsWith('lazy-');
const LAZY_BY_DESIGN = ['lazy-sanitize', 'lazy-linkify-dom', 'lazy-chime'];
const chunkName = (file) => file.replace(/-[\w-]{8}\.js$/, '');
const strayLazy = chunks.filter((name) => isLazy(name) && !LAZY_BY_DESIGN.includes(chunkName(name)));
const app = chunks
  .filter((name) => !isLocale(name) && !isLazy(name))
  .reduce((sum, name) => sum + gz(path.join(chunkDir, name)), 0);
const locale = Math.max(0, ...chunks.filter(isLocale).map((name) => gz(path.join(chunkDir, name))));
const loader = gz(loaderFile);
const total = loader + app + locale;

const checks = [
  [`widget loader: ${kb(loader)} gzipped (${loader} B, budget ${kb(LOADER_BUDGET)})`, loader <= LOADER_BUDGET],
  [
    `widget total:  ${kb(total)} gzipped (loader + app ${kb(app)} + one locale ${kb(locale)}, budget ${kb(TOTAL_BUDGET)})`,
    total <= TOTAL_BUDGET,
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
for (const name of chunks.filter(isLazy))
  process.stdout.write(
    `  on demand:     ${chunkName(name)} ${kb(gz(path.join(chunkDir, name)))} gzipped (not counted)\n`,
  );
const npmEntry = path.join(dist, 'npm/index.js');
if (fs.existsSync(npmEntry))
  process.stdout.write(`  npm build:     ${kb(gz(npmEntry))} gzipped, unminified (not budgeted)\n`);
process.exit(failed ? 1 : 0);
