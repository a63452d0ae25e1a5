/**
 * @module One axe-core scan for the browser tests: injects axe once per page and lists violations
 * as "rule: targets", so a failing assertion says what and where.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** `within`: a CSS selector to scan (e.g. the widget's host element); the whole document otherwise. */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // evaluated through the debugging protocol, which the page's CSP does not govern: a script tag
  // with axe inline would be (rightly) refused by the console's policy
  if (!(await page.evaluate<boolean>('typeof axe === "object"'))) await page.evaluate(`${axe.source}\n;true`);
  const context = within === undefined ? 'document' : `{ include: [[${JSON.stringify(within)}]] }`;
  // browser code as a string: the server's TypeScript has no DOM types
  return page.evaluate<string[]>(`axe.run(${context}).then((result) =>
    result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
}
