/**
 * @module Links between the console's pages. The pages agents use all day are links in the bar; the
 * admins' settings pages sit behind the Admin button at its end (admin-pages-menu.tsx), for admins
 * only: the server refuses their endpoints to everyone else anyway.
 */
import type { Agent } from '@parley/shared';
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { ROUTES } from '../routes.ts';
import { AdminPagesMenu } from './admin-pages-menu.tsx';

type Overflow = { start: boolean; end: boolean };

/**
 * Which ends of the row have links scrolled out of sight: on a narrow screen the links outgrow the
 * bar, and a fade on that side says there is more (the links stay reachable by Tab).
 */
function useOverflow(): [RefObject<HTMLDivElement>, Overflow] {
  const ref = useRef<HTMLDivElement>(null);
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

/** The admins' settings pages, behind the Admin button. */
const ADMIN_PAGES: ReadonlyArray<readonly [string, string]> = [
  [ROUTES.agents, 'Agents'],
  [ROUTES.sites, 'Sites'],
  [ROUTES.rules, 'Rules'],
  [ROUTES.helpCenter, 'Help center'],
  [ROUTES.webhooks, 'Webhooks'],
  [ROUTES.apiTokens, 'API tokens'],
];

export function ConsoleNav({ agent }: { agent: Agent }) {
  const admin = agent.role === 'admin';
  const links: Array<[string, string]> = [
    [ROUTES.conversations, 'Conversations'],
    [ROUTES.tickets, 'Tickets'],
    [ROUTES.liveVisitors, 'Live visitors'],
    [ROUTES.cannedResponses, 'Canned responses'],
  ];
  // what admins watch through the day stays in the bar
  if (admin) links.push([ROUTES.reports, 'Reports'], [ROUTES.agentsNow, 'Agents now']);
  const { path } = useLocation();
  const [ref, overflow] = useOverflow();
  // the current page's link in sight, also when it sits past the bar's edge on a narrow screen
  useEffect(() => {
    const row = ref.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current) return;
    const left = current.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft) row.scrollLeft = left;
    else if (left + current.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = left + current.offsetWidth - row.clientWidth;
  }, [path]);
  const classes = ['console-nav__row'];
  if (overflow.start) classes.push('console-nav--more-start');
  if (overflow.end) classes.push('console-nav--more-end');
  return (
    <nav class="console-nav" aria-label="Console pages">
      {/* the row scrolls on a narrow screen; the Admin menu beside it does not, so its list is never clipped */}
      <div ref={ref} class={classes.join(' ')}>
        <ul class="console-nav__list">
          {links.map(([href, label]) => (
            <li key={href}>
              <a class="console-nav__link" href={href} aria-current={isCurrent(path, href) ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </div>
      {admin && (
        <AdminPagesMenu links={ADMIN_PAGES} current={ADMIN_PAGES.find(([href]) => isCurrent(path, href))?.[0]} />
      )}
    </nav>
  );
}

function isCurrent(path: string, href: string): boolean {
  if (href === ROUTES.conversations) return !Object.values(ROUTES).some((r) => r !== href && path.startsWith(r));
  // exact or a sub-path: /admin/agents must not light up on /admin/agents-now
  return path === href || path.startsWith(`${href}/`);
}
