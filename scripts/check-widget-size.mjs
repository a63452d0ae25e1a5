// The widget's byte budget (gzip -9, like the size floors in TOOLING.md): everything a visitor
// downloads to open and use the chat. Fails the test run above budget.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './workspace.mjs';

const BUDGET_BYTES = 30 * 1024;
const file = path.join(root, 'widget/dist/widget.js');
if (!fs.existsSync(file)) {
  process.stderr.write('widget size: widget/dist/widget.js is missing; build the widget first\n');
  process.exit(1);
}
const gzipped = gzipSync(fs.readFileSync(file), { level: 9 }).length;
const line = `widget size: ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`;
if (gzipped > BUDGET_BYTES) {
  process.stderr.write(`✖ ${line}\n`);
  process.exit(1);
}
process.stdout.write(`✓ ${line}\n`);
