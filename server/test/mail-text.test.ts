/**
 * HTML mail as text: paragraphs stay paragraphs (no hard wrap at 80 columns), a rule is a
 * paragraph break rather than 80 dashes, blockquotes become `> ` lines the quote stripper reads,
 * and markup nested too deep for the converter still gives the words back.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../src/mail/mail-text.ts';

describe('htmlToText', () => {
  it('keeps paragraphs as written and turns a rule into a paragraph break', async () => {
    const long = 'A sentence long enough to pass eighty columns, which must stay on one line in the ticket.';
    const text = await htmlToText(
      `<div>Hello,</div><div><br></div><div>${long}</div><hr><p>P.S. the <b>blue</b> one</p>`,
    );
    expect(text.replace(/\n{3,}/g, '\n\n')).toBe(`Hello,\n\n${long}\n\nP.S. the blue one`);
    expect(text).not.toContain('---');
  });

  it('writes quotes as `> ` lines, headings in their case, table rows as lines', async () => {
    expect(await htmlToText('<p>Yes</p><blockquote><p>Which size?</p></blockquote>')).toBe('Yes\n\n> Which size?');
    expect(await htmlToText('<h2>Order 42</h2>')).toBe('Order 42');
    expect(
      await htmlToText('<table><tr><td>Size</td><td>L</td></tr><tr><td>Colour</td><td>blue</td></tr></table>'),
    ).toBe('Size L\nColour blue');
    expect(
      await htmlToText('<a href="https://x.test/o/42">my order</a> <a href="https://x.test/">https://x.test/</a>'),
    ).toBe('my order [https://x.test/o/42] https://x.test/');
  });

  it('gives the words back from markup nested deeper than the converter takes', async () => {
    const deep = `${'<div>'.repeat(5000)}Still here &amp; readable${'</div>'.repeat(5000)}`;
    const started = performance.now();
    expect((await htmlToText(deep)).trim()).toBe('Still here & readable');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
