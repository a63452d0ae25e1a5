/**
 * How the built-in bot weighs an article against a question: the share of the question's meaningful
 * words the article contains (stem by first letters, question words left out), and the excerpt it
 * quotes; any text at all gives a score in [0, 1] and a bounded excerpt.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXCERPT_MAX, excerptOf, matchScore } from '../../src/domain/answer-bot/article-match.ts';

const REFUNDS = {
  title: 'Refund policy',
  summary: 'Money back within 30 days.',
  body: 'We refund every **order** returned in time.',
};

describe('article match', () => {
  it('scores the share of meaningful question words the article covers', () => {
    expect(matchScore('How do I get a refund for my order?', REFUNDS)).toBe(1);
    expect(matchScore('refunds', REFUNDS)).toBe(1);
    expect(matchScore('refund shipping warehouse', REFUNDS)).toBeCloseTo(1 / 3);
    expect(matchScore('how what why', REFUNDS)).toBe(0);
    expect(matchScore('Rückerstattung', { title: 'Rückerstattungen', summary: '', body: '' })).toBe(1);
  });

  it('quotes the summary, else the body as plain text, cut at a sentence or word', () => {
    expect(excerptOf(REFUNDS)).toBe('Money back within 30 days.');
    expect(excerptOf({ summary: ' ', body: '# Title\n\nSee [the form](https://x.example) **now**.' })).toBe(
      'Title See the form now.',
    );
    const long = excerptOf({ summary: '', body: 'word '.repeat(200) });
    expect(long.length).toBeLessThanOrEqual(EXCERPT_MAX + 1);
    expect(long.endsWith('…')).toBe(true);
  });

  it('answers any text with a score in [0, 1] and a bounded excerpt', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (question, title, summary, body) => {
        const score = matchScore(question, { title, summary, body });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(excerptOf({ summary, body }).length).toBeLessThanOrEqual(EXCERPT_MAX + 1);
      }),
    );
  });
});
