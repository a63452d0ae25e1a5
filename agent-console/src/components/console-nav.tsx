/**
 * @module Links between the console's pages. Admin pages are listed for admins only; the server refuses
 * their endpoints to everyone else anyway.
 */
import type { Agent } from '@parley/shared';
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { ROUTES } from '../routes.ts';

type Overflow = { start: boolean; end: boolean };

/**
 * Which ends of the row have links scrolled out of sight: the admins' dozen links outgrow the bar
 * on most screens, and a fade on that side says there is more (the links stay reachable by Tab).
 */
function useOverflow(): [RefObject<HTMLElement>, Overflow] {
  const ref = useRef<HTMLElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ start: false, end: false });
  useEffect(() => {
    const nav = ref.current;
    if (!nav) return;
    const measure = () => {
      // scrollLeft is negative right to left; its size is what counts
      const scrolled = Math.abs(nav.scrollLeft);
      const next = { start: scrolled > 1, end: nav.scrollWidth - nav.clientWidth - scrolled > 1 };
      setOverflow((was) => (was.start === next.start && was.end === next.end ? was : next));
    };
    measure();
    // jsdom has no ResizeObserver: there the first measure stands
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    resized?.observe(nav);
    nav.addEventListener('scroll', measure, { passive: true });
    return () => {
      resized?.disconnect();
      nav.removeEventListener('scroll', measure);
    };
  }, []);
  return [ref, overflow];
}

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
  const [ref, overflow] = useOverflow();
  // the current page's link in sight, also when it sits past the bar's edge (e.g. Help center)
  useEffect(() => {
    const nav = ref.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current) return;
    const left = current.offsetLeft - nav.offsetLeft;
    if (left < nav.scrollLeft) nav.scrollLeft = left;
    else if (left + current.offsetWidth > nav.scrollLeft + nav.clientWidth)
      nav.scrollLeft = left + current.offsetWidth - nav.clientWidth;
  }, [path]);
  const classes = ['console-nav'];
  if (overflow.start) classes.push('console-nav--more-start');
  if (overflow.end) classes.push('console-nav--more-end');
  return (
    <nav ref={ref} class={classes.join(' ')} aria-label="Console pages">
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
