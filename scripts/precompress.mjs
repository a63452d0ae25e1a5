// Writes `file.br` (brotli, quality 11) and `file.gz` (gzip -9) beside every text asset of a build,
// once, so the server sends them as they are (server/src/http/precompressed-static.ts) instead of
// compressing on every request or not at all. A variant that would not be smaller is not written.
//   import { precompress } from '../scripts/precompress.mjs'; precompress(['dist/widget.js', 'dist/widget'])
//   node scripts/precompress.mjs agent-console/dist
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What browsers fetch as text; images and fonts are compressed formats already. */
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map', '.txt', '.xml', '.webmanifest']);

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
const gzip = (bytes) => gzipSync(bytes, { level: 9 });

function filesUnder(target) {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(target, name))
    .filter((file) => fs.statSync(file).isFile());
}

/** Precompresses the text files among `targets` (files, or folders walked recursively); returns what it wrote. */
export function precompress(targets) {
  const written = [];
  for (const file of targets.flatMap(filesUnder)) {
    if (!TEXT.has(path.extname(file))) continue;
    const bytes = fs.readFileSync(file);
    for (const [suffix, compress] of [
      ['.br', brotli],
      ['.gz', gzip],
    ]) {
      const packed = compress(bytes);
      fs.rmSync(file + suffix, { force: true });
      if (packed.length >= bytes.length) continue;
      fs.writeFileSync(file + suffix, packed);
      written.push(file + suffix);
    }
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2);
  if (targets.length === 0) {
    process.stderr.write('usage: node scripts/precompress.mjs <file or folder>...\n');
    process.exit(2);
  }
  precompress(targets.map((target) => path.resolve(target)));
}
