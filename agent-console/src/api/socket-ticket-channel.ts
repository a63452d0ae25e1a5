/**
 * @module TicketChannel over the console's /agent socket: ticket requests with the standard ack, and
 * the ticket pushes parsed with the shared schemas before anyone sees them.
 */
import type { Socket } from 'socket.io-client';
import {
  NoteSchema,
  TicketDetailSchema,
  TicketListResultSchema,
  TicketMessageSchema,
  TicketSchema,
  type AgentClientToServer,
  type AgentServerToClient,
} from '@parley/shared';
import { answer } from './ack-answer.ts';
import type { TicketChannel, TicketPush } from './ticket-channel.ts';

export function createSocketTicketChannel(
  socket: Socket<AgentServerToClient, AgentClientToServer>,
  ackTimeoutMs: number,
): TicketChannel {
  const listeners = new Set<(push: TicketPush) => void>();
  const push = (value: TicketPush): void => listeners.forEach((listener) => listener(value));
  socket.on('ticket:updated', (raw: unknown) => {
    const parsed = TicketSchema.safeParse(raw);
    if (parsed.success) push({ event: 'ticket:updated', payload: parsed.data });
    else console.warn('[parley] ignored malformed ticket:updated', parsed.error);
  });
  socket.on('ticket:message', (raw: unknown) => {
    const parsed = TicketMessageSchema.safeParse(raw);
    if (parsed.success) push({ event: 'ticket:message', payload: parsed.data });
    else console.warn('[parley] ignored malformed ticket:message', parsed.error);
  });
  const request = () => socket.timeout(ackTimeoutMs);
  return {
    list: (payload) => answer(request().emitWithAck('ticket:list', payload), TicketListResultSchema),
    get: (payload) => answer(request().emitWithAck('ticket:get', payload), TicketDetailSchema),
    reply: (payload) => answer(request().emitWithAck('ticket:reply', payload), TicketMessageSchema),
    note: (payload) => answer(request().emitWithAck('ticket:note', payload), NoteSchema),
    setStatus: (payload) => answer(request().emitWithAck('ticket:status', payload), TicketSchema),
    assign: (payload) => answer(request().emitWithAck('ticket:assign', payload), TicketSchema),
    convert: (payload) => answer(request().emitWithAck('ticket:convert', payload), TicketSchema),
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
