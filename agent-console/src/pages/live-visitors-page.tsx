/**
 * @module Who is on the sites now: each connected visitor's page, time on the site and whether they
 * are chatting, and an Invite for those who are not. The server pushes the whole list on every
 * change; the page asks once on opening.
 */
import { useEffect } from 'preact/hooks';
import type { Agent } from '@parley/shared';
import { EmptyState, Loading } from '../components/load-state.tsx';
import { PageFrame } from '../components/page-frame.tsx';
import { useSession } from '../components/session-context.ts';
import { formatWaitTime, useNow } from '../components/wait-time.ts';
import { InviteVisitor } from '../components/invite-visitor.tsx';
import { visitorDisplayName } from '../state/visitor-name.ts';

export function LiveVisitorsPage({ agent }: { agent: Agent }) {
  const session = useSession();
  const now = useNow(session.now);
  const connected = session.store.connection.value === 'online';
  useEffect(() => {
    if (connected) void session.visitors.loadLive();
  }, [session, connected]);
  const visitors = session.store.liveVisitors.value;

  return (
    <PageFrame agent={agent} title="Live visitors">
      {visitors === null ? (
        <Loading label="Loading visitors…" />
      ) : visitors.length === 0 ? (
        <EmptyState
          title="Nobody is on your sites right now."
          hint="Visitors appear here as they open a page with the widget, with the page they are on."
        />
      ) : (
        <table class="live-visitors__table">
          <caption class="muted">
            {visitors.length === 1 ? '1 visitor on your sites now' : `${visitors.length} visitors on your sites now`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Visitor</th>
              <th scope="col">Current page</th>
              <th scope="col">Time on site</th>
              <th scope="col">Chatting</th>
              <th scope="col">Browser</th>
              <th scope="col">Invite</th>
            </tr>
          </thead>
          <tbody>
            {visitors.map((visitor) => (
              <tr key={visitor.visitorId}>
                {/* the same name the inbox uses for this visitor */}
                <td>{visitorDisplayName({ visitorId: visitor.visitorId, visitorName: visitor.name })}</td>
                <td>
                  {visitor.currentPage ? (
                    <a href={visitor.currentPage.url} target="_blank" rel="noopener noreferrer">
                      {visitor.currentPage.title || visitor.currentPage.url}
                    </a>
                  ) : (
                    'Unknown'
                  )}
                </td>
                <td>{formatWaitTime(now - Date.parse(visitor.onlineSince))}</td>
                <td>{visitor.chatting ? 'Chatting' : 'No'}</td>
                <td>{[visitor.software.browser, visitor.software.os].filter(Boolean).join(' on ') || 'Unknown'}</td>
                <td>
                  {visitor.chatting ? (
                    ''
                  ) : (
                    <InviteVisitor
                      visitorId={visitor.visitorId}
                      label={visitorDisplayName({ visitorId: visitor.visitorId, visitorName: visitor.name })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PageFrame>
  );
}
