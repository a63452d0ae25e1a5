/**
 * @module Renders the whole console at a URL (e.g. /console/admin/sites) with the REST side answered by
 * a FakeAdminServer and the socket side by a FakeChannel, signed in as `agent`.
 */
import { render, screen } from '@testing-library/preact';
import type { Agent } from '@parley/shared';
import { App } from '../../src/app.tsx';
import { createConsoleSession } from '../../src/api/console-session.ts';
import { createAuthApi } from '../../src/api/auth-api.ts';
import { createConsoleApi } from '../../src/components/api-context.ts';
import { createFakeAuthServer } from './fake-auth.ts';
import { FakeChannel } from './fake-channel.ts';
import { FakeAdminServer } from './fake-admin-server.ts';
import { FakeVisibility } from './render-console.tsx';
import { AGENT, T0 } from './fixtures.ts';

export const ADMIN_AGENT: Agent = { ...AGENT, role: 'admin' };

export async function renderPage(
  url: string,
  options: { agent?: Agent; server?: FakeAdminServer; channel?: FakeChannel; fetch?: FakeAdminServer['fetch'] } = {},
) {
  const agent = options.agent ?? ADMIN_AGENT;
  const server = options.server ?? new FakeAdminServer();
  const channel = options.channel ?? new FakeChannel(agent);
  history.replaceState(null, '', url);
  const session = createConsoleSession({
    auth: createAuthApi(createFakeAuthServer({ signedIn: true, agent }).fetch),
    openChannel: () => channel,
    visibility: new FakeVisibility(),
    now: () => T0 + 60_000,
  });
  render(<App session={session} api={createConsoleApi(options.fetch ?? server.fetch)} />);
  await screen.findByText('Online');
  return { server, channel, session };
}
