/**
 * @module Delivers domain events to the sockets that should see them, by room: a visitor's room,
 * the assigned agent's room, every agent, or (availability) every visitor. Tickets and the visitor
 * panels have their own fan-outs; the switch names every event so a new one cannot go unhandled.
 */
import type { DomainEvent } from '../domain/events.ts';
import { estimateForPosition } from '../domain/wait-estimate.ts';
import { visitorRoom } from './visitor-namespace.ts';
import { ALL_AGENTS_ROOM, agentRoom, sessionRoom } from './agent-namespace.ts';
import type { AgentNamespace, VisitorNamespace } from './namespaces.ts';
import { visitorMessage } from './visitor-wire.ts';

export function createFanOut(visitors: VisitorNamespace, agents: AgentNamespace): (event: DomainEvent) => void {
  // Last position and estimate told to each queued conversation: a visitor hears again only when they change.
  const toldPositions = new Map<string, string>();

  return (event) => {
    switch (event.type) {
      case 'message.created': {
        const { conversation, message } = event;
        visitors.to(visitorRoom(conversation.visitorId)).emit('message:new', visitorMessage(message));
        if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('message:new', message);
        return;
      }
      case 'message.streaming': {
        // the visitor's room only (across processes through the adapter); agents read the stored message
        visitors.to(visitorRoom(event.conversation.visitorId)).emit('message:stream', event.stream);
        return;
      }
      case 'message.changed': {
        const { conversation, message } = event;
        visitors.to(visitorRoom(conversation.visitorId)).emit('message:updated', visitorMessage(message));
        if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('message:updated', message);
        return;
      }
      case 'conversation.updated': {
        const { conversation } = event;
        visitors.to(visitorRoom(conversation.visitorId)).emit('conversation:updated', conversation);
        if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('conversation:updated', conversation);
        return;
      }
      case 'conversation.assigned': {
        const { conversation } = event;
        if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('conversation:assigned', conversation);
        return;
      }
      case 'queue.changed': {
        agents.to(ALL_AGENTS_ROOM).emit('queue:updated', { queue: event.queue });
        const stillQueued = new Set<string>();
        event.queue.forEach((conversation, index) => {
          stillQueued.add(conversation.id);
          const position = index + 1;
          const estimatedWaitSeconds = estimateForPosition(position, event.secondsPerPlace);
          const told = `${position}:${estimatedWaitSeconds ?? '-'}`;
          if (toldPositions.get(conversation.id) === told) return;
          toldPositions.set(conversation.id, told);
          visitors
            .to(visitorRoom(conversation.visitorId))
            .emit('queue:position', { conversationId: conversation.id, position, estimatedWaitSeconds });
        });
        for (const id of toldPositions.keys()) if (!stillQueued.has(id)) toldPositions.delete(id);
        return;
      }
      case 'conversation.transferred': {
        const { conversation, fromAgentId } = event;
        // the origin names a rule or an agent: for agents only, like the summary it comes with
        const { lastMessage: _, origin: _origin, ...record } = conversation;
        // the one who handed it on sees it move away; the one taking over gets it like an assignment
        agents.to(agentRoom(fromAgentId)).emit('conversation:updated', record);
        if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('conversation:assigned', conversation);
        visitors.to(visitorRoom(conversation.visitorId)).emit('conversation:updated', record);
        return;
      }
      case 'note.created': {
        // Private: the agent side only. This case must never emit to `visitors`.
        const { conversation, note } = event;
        if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('note:new', note);
        return;
      }
      case 'agent.status': {
        agents.to(agentRoom(event.agentId)).emit('agent:status', { status: event.status });
        return;
      }
      case 'availability.changed': {
        // Agents serve every site, so every connected visitor hears it.
        visitors.emit('availability:updated', { agentsOnline: event.agentsOnline });
        return;
      }
      case 'typing': {
        const { conversation, author, typing } = event;
        const update = { conversationId: conversation.id, author, typing };
        if (author === 'agent') visitors.to(visitorRoom(conversation.visitorId)).emit('typing:update', update);
        else if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('typing:update', update);
        return;
      }
      case 'seen': {
        const { conversation, by, seq } = event;
        const update = { conversationId: conversation.id, by, seq };
        if (by === 'agent') visitors.to(visitorRoom(conversation.visitorId)).emit('message:seen', update);
        else if (conversation.agent) agents.to(agentRoom(conversation.agent.id)).emit('message:seen', update);
        return;
      }
      case 'proactive.invited': {
        visitors.to(visitorRoom(event.visitorId)).emit('proactive:invite', event.invite);
        return;
      }
      case 'queue.overdue': {
        const { conversation } = event;
        visitors.to(visitorRoom(conversation.visitorId)).emit('queue:overdue', { conversationId: conversation.id });
        return;
      }
      case 'agent.sessions-ended': {
        // The console reconnects on a server-side disconnect and is refused: it shows sign-in.
        agents.in(agentRoom(event.agentId)).disconnectSockets(true);
        return;
      }
      case 'agent.session-ended': {
        // the other tabs of the browser that signed out: they reconnect, are refused, and show sign-in
        agents.in(sessionRoom(event.sessionId)).disconnectSockets(true);
        return;
      }
      case 'ticket.updated':
      case 'ticket.message':
      case 'visitor.changed':
        // delivered by ticket-fan-out.ts and visitor-fan-out.ts, subscribed beside this one
        return;
      case 'conversation.created':
      case 'conversation.closed':
      case 'conversation.reopened':
      case 'conversation.rated':
      case 'visitor.identified':
      case 'ticket.created':
      case 'ticket.replied':
      case 'ticket.solved':
      case 'bot.handed_off':
        // for outbound webhooks; the sockets learn the same changes from the events above
        return;
    }
  };
}
