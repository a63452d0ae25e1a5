/**
 * @module The routing rule: among agents who are online (not away or offline) with free capacity,
 * the one with the fewest open chats, then the one idle longest (never assigned counts as idle longest).
 */
import type { RoutingCandidate } from '../store/agent-store.ts';

export function pickAgent(candidates: readonly RoutingCandidate[]): RoutingCandidate | undefined {
  let best: RoutingCandidate | undefined;
  for (const candidate of candidates) {
    if (!hasFreeSeat(candidate)) continue;
    if (!best || isBetter(candidate, best)) best = candidate;
  }
  return best;
}

function isBetter(a: RoutingCandidate, b: RoutingCandidate): boolean {
  if (a.activeCount !== b.activeCount) return a.activeCount < b.activeCount;
  if (a.lastAssignedAt === b.lastAssignedAt) return a.id < b.id;
  if (a.lastAssignedAt === null) return true;
  if (b.lastAssignedAt === null) return false;
  return a.lastAssignedAt < b.lastAssignedAt;
}

/** Takes new conversations now: status online and a seat free. */
export function hasFreeSeat(candidate: RoutingCandidate): boolean {
  return candidate.status === 'online' && candidate.activeCount < candidate.capacity;
}
