/** Loading and failure look the same on every page: a spinner with words, or the reason and Retry. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { FakeAdminServer } from '../support/fake-admin-server.ts';
import { renderPage } from '../support/render-page.tsx';

describe('load states', () => {
  for (const [url, route, loaded] of [
    ['/console/admin/sites', 'GET /api/admin/sites', ['region', 'Demo']],
    ['/console/admin/agents', 'GET /api/admin/agents', ['table', 'Agents']],
    ['/console/canned-responses', 'GET /api/canned-responses', ['region', 'Your canned responses']],
  ] as const) {
    it(`says why ${url} could not load and loads it again on Retry`, async () => {
      const server = new FakeAdminServer();
      server.unavailable.add(route);
      await renderPage(url, { server });
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('The server is not answering.');
      server.unavailable.delete(route);
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(await screen.findByRole(loaded[0], { name: loaded[1] })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    });
  }
});
