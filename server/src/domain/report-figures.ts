/**
 * @module The support figures, computed from recorded conversation facts. Pure functions, so the
 * definitions below are the whole truth and both storage engines give the same numbers:
 *
 * - conversations: every conversation queued (or left as an offline message) in the range.
 * - missed: ended (closed or offline) without an agent ever taking it: the visitor left the queue,
 *   or nobody was online and they left a message. One the answer bot resolved is not missed.
 * - wait: queued → first assigned to an agent (manual accept or automatic routing).
 * - first response: queued → the first agent message (chat or email reply).
 * - resolution: queued → closed (chat) or solved (ticket), for conversations an agent answered.
 * - first contact resolution: of the conversations an agent took and that have ended, the share
 *   closed in that one chat: no transfer, no reopen, not turned into a ticket.
 * - CSAT: the visitors' 1–5 ratings: how many, the mean (2 decimals) and the count of each score.
 * - median: the middle value (mean of the two middle ones for an even count); p90: nearest rank.
 */
import type { DurationStats, ReportFigures } from '@parley/shared';
import type { ConversationFacts } from '../store/report-store.ts';

const seconds = (from: string, to: string): number => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

export function durationStats(values: number[]): DurationStats {
  if (values.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1] ?? 0;
  return { count: sorted.length, median, p90 };
}

/** When it was resolved: closed as a chat, or solved as a ticket; null while it is not. */
function resolvedAt(facts: ConversationFacts): string | null {
  if (facts.ticket) return facts.ticket.status === 'solved' ? facts.ticket.solvedAt : null;
  return facts.status === 'closed' ? facts.closedAt : null;
}

function isMissed(facts: ConversationFacts): boolean {
  // answer bot (issue 22): one the bot resolved was answered, by the bot (its own report counts it)
  if (facts.closedBy === 'bot') return false;
  return facts.firstAssignedAt === null && (facts.status === 'closed' || facts.status === 'offline');
}

function isFirstContactEligible(facts: ConversationFacts): boolean {
  const ended = facts.status === 'closed' || (facts.ticket !== null && facts.ticket.status === 'solved');
  return facts.firstAssignedAt !== null && ended;
}

function isFirstContactResolved(facts: ConversationFacts): boolean {
  return facts.status === 'closed' && facts.ticket === null && facts.transferCount === 0 && facts.reopenCount === 0;
}

export function computeFigures(all: ConversationFacts[]): ReportFigures {
  const waits: number[] = [];
  const firstResponses: number[] = [];
  const resolutions: number[] = [];
  const distribution = [0, 0, 0, 0, 0];
  let missed = 0;
  let becameTickets = 0;
  let transfers = 0;
  let eligible = 0;
  let resolved = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const facts of all) {
    if (isMissed(facts)) missed += 1;
    if (facts.ticket) becameTickets += 1;
    transfers += facts.transferCount;
    if (facts.firstAssignedAt) waits.push(seconds(facts.createdAt, facts.firstAssignedAt));
    if (facts.firstAgentReplyAt) firstResponses.push(seconds(facts.createdAt, facts.firstAgentReplyAt));
    const end = resolvedAt(facts);
    const answered = facts.firstAssignedAt !== null || facts.firstAgentReplyAt !== null;
    if (end && answered) resolutions.push(seconds(facts.createdAt, end));
    if (isFirstContactEligible(facts)) {
      eligible += 1;
      if (isFirstContactResolved(facts)) resolved += 1;
    }
    if (facts.rating !== null && facts.rating >= 1 && facts.rating <= 5) {
      ratings += 1;
      ratingSum += facts.rating;
      distribution[facts.rating - 1] = (distribution[facts.rating - 1] ?? 0) + 1;
    }
  }
  return {
    conversations: all.length,
    missed,
    becameTickets,
    transfers,
    waitSeconds: durationStats(waits),
    firstResponseSeconds: durationStats(firstResponses),
    resolutionSeconds: durationStats(resolutions),
    firstContactResolution: { resolved, eligible, rate: eligible === 0 ? null : resolved / eligible },
    csat: {
      responses: ratings,
      average: ratings === 0 ? null : Math.round((ratingSum / ratings) * 100) / 100,
      distribution,
    },
  };
}
