/**
 * @module The signed-in console's pages, one URL each (preact-iso's router: a few KB, made by the Preact
 * team for exactly this). Anything that is not a known page shows the conversations, so an old or
 * mistyped link still lands somewhere useful.
 */
import type { Agent } from '@parley/shared';
import { LocationProvider, Route, Router } from 'preact-iso/router';
import { ROUTES } from '../routes.ts';
import { useSession } from '../components/session-context.ts';
import { RouteFocus } from '../components/route-focus.tsx';
import { ConsolePage } from './console-page.tsx';
import { AgentsPage } from './admin/agents-page.tsx';
import { SitesPage } from './admin/sites-page.tsx';
import { RulesPage } from './admin/rules-page.tsx';
import { CannedResponsesPage } from './canned-responses-page.tsx';
import { TicketsPage } from './tickets-page.tsx';
import { LiveVisitorsPage } from './live-visitors-page.tsx';
import { ReportsPage } from './admin/reports-page.tsx';
import { AgentsNowPage } from './admin/agents-now-page.tsx';
import { WebhooksPage } from './admin/webhooks-page.tsx';
// help-console
import { HelpCenterPage } from './admin/help/help-center-page.tsx';
import { ApiTokensPage } from './admin/api-tokens-page.tsx';

/** Rendered only while signed in (see App). */
function useSignedInAgent(): Agent {
  const auth = useSession().store.auth.value;
  if (auth.status !== 'signed-in') throw new Error('a console page rendered while signed out');
  return auth.agent;
}

// Named components, not inline arrows: a new component type per render would remount the page.
const Conversations = () => <ConsolePage agent={useSignedInAgent()} />;
const Agents = () => <AgentsPage agent={useSignedInAgent()} />;
const Sites = () => <SitesPage agent={useSignedInAgent()} />;
const Rules = () => <RulesPage agent={useSignedInAgent()} />;
const Canned = () => <CannedResponsesPage agent={useSignedInAgent()} />;
const Tickets = () => <TicketsPage agent={useSignedInAgent()} />;
const LiveVisitors = () => <LiveVisitorsPage agent={useSignedInAgent()} />;
const ReportsRoute = () => <ReportsPage agent={useSignedInAgent()} />;
const AgentsNowRoute = () => <AgentsNowPage agent={useSignedInAgent()} />;
const WebhooksRoute = () => <WebhooksPage agent={useSignedInAgent()} />;
const HelpCenterRoute = () => <HelpCenterPage agent={useSignedInAgent()} />; // help-console
const ApiTokensRoute = () => <ApiTokensPage agent={useSignedInAgent()} />;

/** `focusHeadingFirst`: the agent just signed in, so the form they were on is gone: focus the heading. */
export function SignedInRoutes({ focusHeadingFirst = false }: { focusHeadingFirst?: boolean }) {
  return (
    // scope: links outside the console (the demo page, a site's page) stay ordinary navigations
    <LocationProvider scope="/console">
      <Router>
        <Route path={ROUTES.agents} component={Agents} />
        <Route path={ROUTES.sites} component={Sites} />
        <Route path={ROUTES.rules} component={Rules} />
        <Route path={ROUTES.reports} component={ReportsRoute} />
        <Route path={ROUTES.agentsNow} component={AgentsNowRoute} />
        <Route path={ROUTES.webhooks} component={WebhooksRoute} />
        {/* help-console */}
        <Route path={ROUTES.helpCenter} component={HelpCenterRoute} />
        <Route path={ROUTES.apiTokens} component={ApiTokensRoute} />
        <Route path={ROUTES.cannedResponses} component={Canned} />
        <Route path={ROUTES.tickets} component={Tickets} />
        <Route path={ROUTES.liveVisitors} component={LiveVisitors} />
        <Route default component={Conversations} />
      </Router>
      <RouteFocus onMount={focusHeadingFirst} />
    </LocationProvider>
  );
}
