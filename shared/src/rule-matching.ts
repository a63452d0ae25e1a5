/**
 * @module How a proactive rule's text conditions match: the widget's engine and the console's
 * "test against this URL" helper both call this, so a preview can never disagree with the widget.
 * No zod in here: the widget bundles it and counts every byte.
 */

export type TextOperator = 'equals' | 'contains' | 'wildcard' | 'regex';

/**
 * `equals`, `contains` and `wildcard` ignore case, because people type URLs and titles by hand;
 * `wildcard` matches the whole input with `*` standing for any run of characters. `regex` is used as
 * written, case-sensitive, unanchored. An invalid regex never matches: the server refuses one, but a
 * stale config must not throw.
 */
export function matchesText(operator: TextOperator, pattern: string, input: string): boolean {
  if (operator === 'regex') {
    try {
      return new RegExp(pattern).test(input);
    } catch {
      return false;
    }
  }
  const text = input.toLowerCase();
  const wanted = pattern.toLowerCase();
  if (operator === 'equals') return text === wanted;
  if (operator === 'contains') return text.includes(wanted);
  return new RegExp(`^${wanted.split('*').map(escapeRegExp).join('.*')}$`, 's').test(text);
}

export type UrlPart = 'full' | 'path' | 'query';

/**
 * The part of a page URL a URL condition looks at: `path` is the pathname, `query` the search
 * without `?`, both without the #fragment. String work rather than `new URL`, so this also runs
 * where no DOM types exist and costs the widget a few bytes only.
 */
export function urlPart(part: UrlPart, href: string): string {
  if (part === 'full') return href;
  const [withoutHash = ''] = href.split('#');
  const query = withoutHash.indexOf('?');
  if (part === 'query') return query < 0 ? '' : withoutHash.slice(query + 1);
  const beforeQuery = query < 0 ? withoutHash : withoutHash.slice(0, query);
  const scheme = beforeQuery.indexOf('://');
  const slash = beforeQuery.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  return slash < 0 ? '/' : beforeQuery.slice(slash);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
