/**
 * @module Sends every client of this process away to reconnect: the transport is closed without a
 * disconnect packet, which Socket.IO clients answer by reconnecting on their own (through the load
 * balancer, to whichever process is there), and on (re)connect both the widget and the console
 * catch up from their last seq.
 */
import type { Server } from 'socket.io';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@parley/shared';

export function dropConnections(io: Server): number {
  const transports = new Set<{ close(): void }>();
  for (const name of [VISITOR_NAMESPACE, AGENT_NAMESPACE]) {
    for (const socket of io.of(name).sockets.values()) transports.add(socket.conn);
  }
  for (const transport of transports) transport.close();
  return transports.size;
}
