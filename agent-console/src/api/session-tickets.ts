/**
 * @module The session's TicketChannel: always the same object for pages to hold, forwarding to
 * whichever /agent connection is open now and refusing plainly while there is none.
 */
import type { AgentChannel } from './agent-channel.ts';
import { RequestError } from './agent-channel.ts';
import type { TicketChannel, TicketPush } from './ticket-channel.ts';

export interface SessionTickets extends TicketChannel {
  /** Delivers the channel's ticket pushes to the session's listeners; returns the unsubscribe. */
  follow(channel: AgentChannel): () => void;
}

export function createSessionTickets(current: () => AgentChannel | null): SessionTickets {
  const listeners = new Set<(push: TicketPush) => void>();
  const open = (): TicketChannel => {
    const channel = current();
    // not queued like chat messages: the agent sees the failure and tries again when back online
    if (!channel?.connected) throw new RequestError(null, 'You are offline. Try again once the connection is back.');
    return channel.tickets;
  };
  return {
    list: async (request) => open().list(request),
    get: async (request) => open().get(request),
    reply: async (request) => open().reply(request),
    note: async (request) => open().note(request),
    setStatus: async (request) => open().setStatus(request),
    assign: async (request) => open().assign(request),
    convert: async (request) => open().convert(request),
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    follow(channel) {
      return channel.tickets.onPush((push) => {
        if (current() === channel) listeners.forEach((listener) => listener(push));
      });
    },
  };
}
