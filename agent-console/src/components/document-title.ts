/**
 * @module Each page's tab title, "Inbox · Parley" and the like, so a screen reader's page list, the
 * browser's history and the tab strip say where the agent is.
 */
import { useEffect } from 'preact/hooks';

export const PRODUCT = 'Parley';

export function pageTitle(page: string, count = 0): string {
  return count > 0 ? `(${count}) ${page} · ${PRODUCT}` : `${page} · ${PRODUCT}`;
}

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
