import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from '../../src/text/linkify.ts';

describe('linkify', () => {
  it('finds http, https and mailto links and leaves the rest as text', () => {
    expect(linkify('See https://example.com/a?b=1, or www.acme.test. Mail mailto:help@acme.test!')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', or www.acme.test. Mail ' },
      { kind: 'link', text: 'mailto:help@acme.test', href: 'mailto:help@acme.test' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x ftp://x.test')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x ftp://x.test' },
    ]);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('http://ok.test')).toBe('http://ok.test/');
  });

  it('returns plain text untouched', () => {
    expect(linkify('<b>hi</b>')).toEqual([{ kind: 'text', text: '<b>hi</b>' }]);
    expect(linkify('')).toEqual([]);
  });
});
