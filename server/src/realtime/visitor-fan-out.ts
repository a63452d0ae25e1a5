/**
 * @module Pushes visitor changes to agents: the panel to the agent holding the visitor's open
 * conversation, and the live list to every agent whenever someone comes, moves, goes, or starts or
 * ends a chat.
 */
import type { DomainEvent } from '../domain/events.ts';
import type { VisitorInsight } from '../domain/visitor-insight.ts';
import type { Logger } from '../logger.ts';
import { ALL_AGENTS_ROOM, agentRoom } from './agent-namespace.ts';
import type { AgentNamespace } from './namespaces.ts';
import { coalesced } from '../domain/coalesced.ts';
import type { AgentPresence } from '../scale/agent-presence.ts';

/** The live list reaches agents at most this late after a change that follows another closely. */
const LIVE_LIST_SPACING_MS = 500;

export function createVisitorFanOut(
  agents: AgentNamespace,
  deps: { insight: VisitorInsight; presence: AgentPresence; logger: Logger },
): (event: DomainEvent) => void {
  const failed = (error: unknown) => deps.logger.error('visitor push failed', { error });
  // With no agent connected anywhere nobody hears a push, and a console asks for the list
  // (visitors:live) when it opens: 10,000 visitors arriving before any agent cost a full list
  // read every 500 ms and a panel read per arrival for no one (pnpm bench, scenario 3). An agent
  // on this process counts from the moment its socket joins the room, before its presence is written.
  const anyAgent = async () =>
    (agents.adapter.rooms.get(ALL_AGENTS_ROOM)?.size ?? 0) > 0 || (await deps.presence.online()).length > 0;

  // queue and conversation changes come in bursts (every queued visitor's message re-announces the
  // queue): one list read per burst, not one per event. The read costs two queries per connected
  // visitor, so during a burst it runs at most every LIVE_LIST_SPACING_MS: back to back, 1,000
  // visitors arriving at once starved every other query (measured with `pnpm bench`).
  const pushLive = coalesced(
    async () => {
      if (!(await anyAgent())) return;
      agents.to(ALL_AGENTS_ROOM).emit('visitors:live', { visitors: await deps.insight.live() });
    },
    { spacingMs: LIVE_LIST_SPACING_MS },
  );

  const pushPanel = async (visitorId: string) => {
    if (!(await anyAgent())) return;
    const holder = await deps.insight.holderOf(visitorId);
    if (holder) agents.to(agentRoom(holder)).emit('visitor:updated', await deps.insight.details(visitorId));
  };

  return (event) => {
    if (event.type === 'visitor.changed') {
      void pushPanel(event.visitorId).catch(failed);
      void pushLive().catch(failed);
    } else if (event.type === 'queue.changed' || event.type === 'conversation.updated') {
      // "chatting" in the live list follows conversations being opened and closed
      void pushLive().catch(failed);
    }
  };
}
