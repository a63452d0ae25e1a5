/**
 * @module Screenshots the browser tests keep as reviewable artefacts (never compared pixel by pixel):
 * written under test-results/screenshots/ at the repository's root, which git ignores.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Saves the page as `test-results/screenshots/<folder>/<name>.png` and returns the path. */
export async function saveScreenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = path.join(root, 'test-results', 'screenshots', folder);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
