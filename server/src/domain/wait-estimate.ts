/**
 * @module The queue's wait estimate: seconds per place in the queue = the median wait (created →
 * assigned) of the last few assigned conversations ÷ the online agents who have a free seat (at
 * least one: when everyone is busy, the queue moves roughly as fast as one agent frees up).
 * A visitor at position p waits about p × that. Unknown (null) without history or with nobody online.
 */

/** How many recent assignments the median is taken over. */
export const WAIT_HISTORY = 20;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

export function secondsPerPlace(
  recentWaits: readonly number[],
  agentsOnline: number,
  agentsWithFreeSeat: number,
): number | null {
  if (agentsOnline === 0) return null;
  const typical = median(recentWaits);
  if (typical === null) return null;
  return typical / Math.max(1, agentsWithFreeSeat);
}

/** Whole seconds, rounded up: "about a minute" should not become "0 seconds". */
export function estimateForPosition(position: number, perPlace: number | null): number | null {
  return perPlace === null ? null : Math.ceil(position * perPlace);
}
