/**
 * Every word the visitor sees comes from the locale files: this scans the components and the chat
 * client for text written into them directly (JSX text, labelling attributes, notices).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src');
const files = ['app', 'client', 'api'].flatMap((dir) =>
  fs
    .readdirSync(path.join(src, dir))
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(dir, name)),
);

/** Lines that put words on screen without going through the strings. */
function literals(file: string): string[] {
  const code = fs.readFileSync(path.join(src, file), 'utf8');
  return code.split('\n').filter(
    (line) =>
      !/^\s*(\/\/|\*|\/\*)/.test(line) &&
      (/(?<![=-])>\s*[A-Za-z][A-Za-z ,.!?']*</.test(line) || // JSX text between tags (not an arrow's >)
        /\b(aria-label|placeholder|title|alt)="[^"]*[A-Za-z]/.test(line) || // labelling attributes
        /\bnotice: `|\bnotice: '[^']* /.test(line)), // a notice as text instead of a key
  );
}

describe('user-visible strings', () => {
  it('are looked up in the locale files, never written into components', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => literals(file).map((line) => `${file}: ${line.trim()}`))).toEqual([]);
  });

  it('would be caught if they were', () => {
    expect(literals('../test/fixtures/literal-strings.tsx.txt').length).toBe(3);
  });
});
