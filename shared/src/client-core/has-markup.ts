/**
 * @module Whether an agent message uses the Markdown subset (markdown-subset.ts): the widget decides
 * it in its main chunk so that plain messages never download the renderer and DOMPurify.
 */
export function hasMarkup(body: string): boolean {
  return /\*\*\S|(^|\s)[*_]\S|\[[^\]]+\]\([^)]+\)|^\s*(?:[-*]|\d+\.)\s/m.test(body);
}
