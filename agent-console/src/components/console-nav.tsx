/**
 * @module Links between the console's pages. Admin pages are listed for admins only; the server refuses
 * their endpoints to everyone else anyway.
 */
import type { Agent } from '@parley/shared';
import { useLocation } from 'preact-iso/router';
import { ROUTES } from '../routes.ts';

export function ConsoleNav({ agent }: { agent: Agent }) {
  const links: Array<[string, string]> = [
    [ROUTES.conversations, 'Conversations'],
    [ROUTES.tickets, 'Tickets'],
    [ROUTES.liveVisitors, 'Live visitors'],
    [ROUTES.cannedResponses, 'Canned responses'],
  ];
  if (agent.role === 'admin')
    links.push(
      [ROUTES.agents, 'Agents'],
      [ROUTES.sites, 'Sites'],
      [ROUTES.rules, 'Rules'],
      [ROUTES.reports, 'Reports'],
      [ROUTES.agentsNow, 'Agents now'],
      // outbound webhooks (issue 21)
      [ROUTES.webhooks, 'Webhooks'],
      // help-console
      [ROUTES.helpCenter, 'Help center'],
      [ROUTES.apiTokens, 'API tokens'],
    );
  const { path } = useLocation();
  return (
    <nav class="console-nav" aria-label="Console pages">
      <ul class="console-nav__list">
        {links.map(([href, label]) => (
          <li key={href}>
            <a class="console-nav__link" href={href} aria-current={isCurrent(path, href) ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function isCurrent(path: string, href: string): boolean {
  if (href === ROUTES.conversations) return !Object.values(ROUTES).some((r) => r !== href && path.startsWith(r));
  // exact or a sub-path: /admin/agents must not light up on /admin/agents-now
  return path === href || path.startsWith(`${href}/`);
}
