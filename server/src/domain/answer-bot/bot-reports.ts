/**
 * @module The answer bot's report for admins (issue 22): over a date range of the site's days (or a
 * chosen zone, UTC for all sites, as the support report reads them), the conversations a bot started,
 * how each ended (resolved by the bot, handed off and why, or neither yet), the median time to a
 * handoff, ratings of bot-resolved against agent-resolved conversations, and the articles offered.
 * Also the last day's outcomes for /metrics.
 */
import type { BotModeFigures, BotReport, HandoffReason, ReportQuery } from '@parley/shared';
import { notFound } from '../../errors.ts';
import type { BotConversationRecord } from '../../store/bot-store.ts';
import type { Store } from '../../store/store.ts';
import { addDays, startOfLocalDay } from '../local-days.ts';

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function ratings(values: number[]): { rated: number; average: number | null } {
  return {
    rated: values.length,
    average: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
  };
}

/** How the bot's conversations ended: counts by outcome and handoff reason. */
export function outcomes(records: readonly BotConversationRecord[]) {
  const handedOffBy: Record<HandoffReason, number> = {
    asked_for_person: 0,
    no_answer: 0,
    bot_failure: 0,
    timeout: 0,
  };
  let resolved = 0;
  let handedOff = 0;
  for (const record of records) {
    if (record.resolvedAt !== null) resolved += 1;
    else if (record.handoffReason !== null) {
      handedOff += 1;
      handedOffBy[record.handoffReason] += 1;
    }
  }
  return { handled: records.length, resolved, handedOff, handedOffBy, open: records.length - resolved - handedOff };
}

/** Containment and escalation of the conversations one kind of bot started. */
function modeFigures(records: readonly BotConversationRecord[], mode: 'builtin' | 'external'): BotModeFigures {
  const { handled, resolved, handedOff } = outcomes(records.filter((r) => r.mode === mode));
  return {
    handled,
    resolved,
    containmentRate: share(resolved, handled),
    handedOff,
    escalationRate: share(handedOff, handled),
  };
}

export type LastDayOutcomes = ReturnType<typeof outcomes> & {
  byMode: Record<'builtin' | 'external', ReturnType<typeof outcomes>>;
};

export class BotReports {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now;
  }

  async report(query: ReportQuery): Promise<BotReport> {
    const store = this.#store;
    const site = query.siteId === undefined ? undefined : await store.sites.findById(query.siteId);
    if (query.siteId !== undefined && !site) throw notFound('Site');
    const timeZone = query.timeZone ?? site?.businessHours.timeZone ?? 'UTC';
    const from = startOfLocalDay(query.from, timeZone).toISOString();
    const to = startOfLocalDay(addDays(query.to, 1), timeZone).toISOString();
    const siteId = query.siteId ?? null;
    const [records, rated] = await Promise.all([
      store.bots.listStarted(siteId, from, to),
      store.bots.listRatings(siteId, from, to),
    ]);
    const counts = outcomes(records);
    const articles = new Map<string, { articleId: string; title: string; offered: number; resolved: number }>();
    for (const record of records) {
      for (const article of record.articles) {
        const figures = articles.get(article.id) ?? {
          articleId: article.id,
          title: article.title,
          offered: 0,
          resolved: 0,
        };
        figures.offered += 1;
        if (record.resolvedAt !== null) figures.resolved += 1;
        articles.set(article.id, figures);
      }
    }
    return {
      from: query.from,
      to: query.to,
      timeZone,
      siteId,
      ...counts,
      containmentRate: share(counts.resolved, counts.handled),
      escalationRate: share(counts.handedOff, counts.handled),
      medianSecondsToHandoff: median(
        records.flatMap((r) =>
          r.handedOffAt === null ? [] : [(Date.parse(r.handedOffAt) - Date.parse(r.startedAt)) / 1000],
        ),
      ),
      csat: {
        botResolved: ratings(rated.filter((r) => r.closedBy === 'bot').map((r) => r.rating)),
        // an agent's conversation, however it was closed (by them or the visitor), after an agent took it
        agentResolved: ratings(rated.filter((r) => r.closedBy !== 'bot' && r.agentTook).map((r) => r.rating)),
      },
      articles: [...articles.values()].sort((a, b) => b.offered - a.offered || a.title.localeCompare(b.title)),
      byMode: { builtin: modeFigures(records, 'builtin'), external: modeFigures(records, 'external') },
    };
  }

  /** Outcomes of the conversations bots started in the last 24 hours (every site), for /metrics; also per kind of bot. */
  async lastDay(): Promise<LastDayOutcomes> {
    const now = this.#now();
    const records = await this.#store.bots.listStarted(
      null,
      new Date(now.getTime() - 24 * 3600_000).toISOString(),
      now.toISOString(),
    );
    const of = (mode: 'builtin' | 'external') => outcomes(records.filter((r) => r.mode === mode));
    return { ...outcomes(records), byMode: { builtin: of('builtin'), external: of('external') } };
  }
}
