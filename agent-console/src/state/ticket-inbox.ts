/**
 * @module The tickets inbox as pure transitions: which tab and search are showing, and where a pushed
 * ticket goes in the list held (in, out, or moved to its place by last activity).
 */
import type { Ticket, TicketStatus } from '@parley/shared';

export interface TicketFilter {
  status: TicketStatus;
  /** Part of the visitor's email, any case; empty shows all. */
  email: string;
}

export function matchesFilter(ticket: Ticket, filter: TicketFilter): boolean {
  return ticket.status === filter.status && ticket.email.toLowerCase().includes(filter.email.trim().toLowerCase());
}

/** The list with `ticket`'s latest state: dropped when it no longer matches, else in newest-activity order. */
export function applyTicketUpdate(list: readonly Ticket[], ticket: Ticket, filter: TicketFilter): readonly Ticket[] {
  const others = list.filter((held) => held.conversationId !== ticket.conversationId);
  if (!matchesFilter(ticket, filter)) return others.length === list.length ? list : others;
  return [...others, ticket].sort(
    (a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.conversationId.localeCompare(a.conversationId),
  );
}

export const STATUS_LABELS: Record<TicketStatus, string> = { open: 'Open', pending: 'Pending', solved: 'Solved' };
