/** The Markdown subset's plain-text form, for previews (its HTML is tested with the widget's sanitizer). */
import { describe, expect, it } from 'vitest';
import { hasMarkup, markdownToPlainText, renderMarkdown } from '../../src/client-core/index.ts';

describe('markdown subset, plain text', () => {
  it('keeps the words and drops the marks', () => {
    expect(markdownToPlainText('it **shipped today**, see [tracking](https://t.example/1)')).toBe(
      'it shipped today, see tracking',
    );
    expect(markdownToPlainText('- one\n- _two_')).toBe('one\ntwo');
    expect(markdownToPlainText('2*3 = 6, snake_case')).toBe('2*3 = 6, snake_case');
  });

  it('is the same renderer the widget uses', () => {
    expect(hasMarkup('**bold**')).toBe(true);
    expect(renderMarkdown('**bold**')).toContain('<strong>bold</strong>');
  });
});
