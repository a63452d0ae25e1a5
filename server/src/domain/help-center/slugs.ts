/**
 * @module Slugs made from titles: lower-case ASCII words joined by hyphens ("Rückerstattung & Geld" →
 * "ruckerstattung-geld"), and a free one found by counting up when the plain one is taken.
 */
const MAX = 80;

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
  // a title in a script with no ASCII letters (Arabic) still needs a URL
  return slug === '' ? 'article' : slug;
}

/** `base`, else `base-2`, `base-3`… the first that `taken` says is free. */
export async function freeSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
