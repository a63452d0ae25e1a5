/**
 * @module Tickets: the conversations that continue by email. Status tabs, search by the visitor's
 * email, newest activity first a page at a time, and the selected ticket beside the list. Every
 * agent sees every ticket; the list follows the server's ticket pushes and reloads after a reconnect.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Agent, Ticket, TicketStatus } from '@parley/shared';
import { EmailStatusBanner } from '../components/email-status-banner.tsx';
import { EmptyState, Loading, LoadFailed } from '../components/load-state.tsx';
import { PageFrame } from '../components/page-frame.tsx';
import { useSession } from '../components/session-context.ts';
import { TicketView } from '../components/ticket-view.tsx';
import { STATUS_LABELS, applyTicketUpdate, type TicketFilter } from '../state/ticket-inbox.ts';

const STATUSES: TicketStatus[] = ['open', 'pending', 'solved'];

export function TicketsPage({ agent }: { agent: Agent }) {
  const session = useSession();
  const { tickets } = session;
  const online = session.store.connection.value === 'online';
  const [filter, setFilter] = useState<TicketFilter>({ status: 'open', email: '' });
  const [search, setSearch] = useState('');
  const [list, setList] = useState<{ tickets: readonly Ticket[]; page: number; hasMore: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const latestRequest = useRef(0);

  const load = (page: number) => {
    setProblem(null);
    const request = ++latestRequest.current;
    tickets.list({ status: filter.status, email: filter.email, page }).then(
      (result) => {
        // a slow answer for a tab or search the agent has left must not replace the current one
        if (request !== latestRequest.current) return;
        setList((held) => ({
          tickets: page === 0 || !held ? result.tickets : [...held.tickets, ...result.tickets],
          page,
          hasMore: result.hasMore,
        }));
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : 'Could not load tickets.'),
    );
  };
  // on every filter change, and again after a reconnect: pushes sent while offline were missed
  useEffect(() => {
    if (online) load(0);
  }, [filter, online]);
  useEffect(
    () =>
      tickets.onPush((push) => {
        const ticket = push.event === 'ticket:updated' ? push.payload : push.payload.ticket;
        setList((held) => held && { ...held, tickets: applyTicketUpdate(held.tickets, ticket, filter) });
      }),
    [tickets, filter],
  );

  return (
    <PageFrame agent={agent} title="Tickets">
      <EmailStatusBanner />
      <div class="tickets__controls">
        <div class="tickets__tabs" role="group" aria-label="Ticket status">
          {STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              class="button button--quiet"
              aria-pressed={filter.status === status}
              onClick={() => setFilter({ ...filter, status })}
            >
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
        <form
          class="tickets__search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setFilter({ ...filter, email: search.trim() });
          }}
        >
          <label for="ticket-search">Search by email</label>
          <input
            id="ticket-search"
            class="field__input"
            type="search"
            value={search}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
          <button type="submit" class="button button--quiet">
            Search
          </button>
        </form>
      </div>
      {problem && <LoadFailed message={problem} onRetry={() => load(0)} />}
      <div class="tickets__body">
        <section aria-label={`${STATUS_LABELS[filter.status]} tickets`} class="tickets__list">
          {list === null ? (
            problem ? null : (
              <Loading label="Loading tickets…" />
            )
          ) : list.tickets.length === 0 ? (
            <EmptyState
              title={`No ${STATUS_LABELS[filter.status].toLowerCase()} tickets${filter.email ? ` for “${filter.email}”` : ''}.`}
              hint="Tickets come from email, from offline messages and from chats converted to tickets."
            />
          ) : (
            <table class="tickets__table">
              <thead>
                <tr>
                  <th scope="col">Visitor email</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Last activity</th>
                </tr>
              </thead>
              <tbody>
                {list.tickets.map((ticket) => (
                  <tr key={ticket.conversationId} aria-selected={ticket.conversationId === selected}>
                    <td>
                      <button type="button" class="link-button" onClick={() => setSelected(ticket.conversationId)}>
                        {ticket.email}
                      </button>
                    </td>
                    <td>
                      {ticket.assignee
                        ? ticket.assignee.id === agent.id
                          ? 'You'
                          : ticket.assignee.name
                        : 'Unassigned'}
                    </td>
                    <td>
                      <time dateTime={ticket.lastActivityAt}>{new Date(ticket.lastActivityAt).toLocaleString()}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {list?.hasMore && (
            <button type="button" class="button button--quiet" onClick={() => load(list.page + 1)}>
              Show more
            </button>
          )}
        </section>
        {selected !== null && (
          <div class="tickets__detail">
            <TicketView key={selected} conversationId={selected} agent={agent} />
          </div>
        )}
      </div>
    </PageFrame>
  );
}
