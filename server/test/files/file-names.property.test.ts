/**
 * File names as shown and offered for download: whatever a client sends, the result is one short name
 * with no path, no control or bidi characters, no leading dot, and an extension that fits the content.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AttachmentTypeSchema } from '@parley/shared';
import { sanitizeFileName } from '../../src/files/file-names.ts';

describe('sanitizeFileName', () => {
  it('keeps a fitting name, and replaces an extension that does not fit the content', () => {
    expect(sanitizeFileName('Screenshot 2026-12-06.PNG', 'image/png')).toBe('Screenshot 2026-12-06.PNG');
    expect(sanitizeFileName('invoice.png', 'application/pdf')).toBe('invoice.pdf');
    expect(sanitizeFileName('C:\\Users\\me\\notes', 'text/plain')).toBe('notes.txt');
    expect(sanitizeFileName('../../.bashrc', 'text/plain')).toBe('bashrc.txt');
    expect(sanitizeFileName('photo\u202Egpj.exe', 'image/jpeg')).toBe('photogpj.jpg');
    expect(sanitizeFileName('', 'application/pdf')).toBe('file.pdf');
  });

  it('never gives a path, a hidden name, control characters or a misleading extension', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400, unit: 'grapheme' }),
        fc.constantFrom(...AttachmentTypeSchema.options),
        (name, type) => {
          const clean = sanitizeFileName(name, type);
          expect(clean).not.toMatch(/[/\\\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
          expect(clean.startsWith('.')).toBe(false);
          expect(Array.from(clean).length).toBeLessThanOrEqual(150);
          expect(clean).toMatch(/\.[a-z]{2,4}$/i);
        },
      ),
      { numRuns: 500 },
    );
  });
});
