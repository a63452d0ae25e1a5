import { describe, expect, it } from 'vitest';
import { titleBadge, titleWithUnread } from '../src/client/unread.ts';

describe('unread', () => {
  it('prefixes the title with the count and gives the page its own title back', () => {
    expect(titleWithUnread('Shop', 2)).toBe('(2) Shop');
    expect(titleWithUnread('Shop', 0)).toBe('Shop');
    document.title = 'Original title';
    const badge = titleBadge();
    badge.show(2);
    expect(document.title).toBe('(2) Original title');
    badge.show(3);
    expect(document.title).toBe('(3) Original title');
    badge.show(0);
    expect(document.title).toBe('Original title');
    badge.show(1);
    badge.restore();
    expect(document.title).toBe('Original title');
  });
});
