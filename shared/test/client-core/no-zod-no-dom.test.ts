/**
 * The client core is bundled into the widget, whose budget cannot carry zod (~95 KB), and runs in
 * Node as well as browsers: it imports nothing but its own modules and the zod-free limits and error
 * codes. (No DOM is the compiler's job: shared builds without DOM types.)
 */
import { describe, expect, it } from 'vitest';

declare global {
  interface ImportMeta {
    /** Vite's, as vitest provides it; typed here since shared builds without vite's client types. */
    glob(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
  }
}

const sources = import.meta.glob('../../src/client-core/*.ts', { query: '?raw', import: 'default', eager: true });
const allowed = /^(\.\/[\w-]+|\.\.\/limits|\.\.\/error-codes)\.ts$/;

describe('client core', () => {
  it('imports only its own modules, limits and error codes', () => {
    const files = Object.entries(sources);
    expect(files.length).toBeGreaterThan(5);
    for (const [file, source] of files) {
      for (const [, target = ''] of source.matchAll(/\bfrom\s+'([^']+)'/g)) {
        expect(allowed.test(target), `${file} imports ${target}`).toBe(true);
      }
    }
  });
});
