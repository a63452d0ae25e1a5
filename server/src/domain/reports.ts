/**
 * @module Reports for admins: the figures of report-figures.ts over a date range of the site's
 * days (or a chosen zone), in total, per day, per agent, per site and per starting rule; and who
 * is working now.
 */
import type { AgentsNow, Report, ReportQuery } from '@parley/shared';
import { notFound } from '../errors.ts';
import type { ConversationFacts } from '../store/report-store.ts';
import type { Store } from '../store/store.ts';
import type { QueueDispatcher } from './queue-dispatcher.ts';
import { computeFigures } from './report-figures.ts';
import { addDays, datesBetween, localDateOf, startOfLocalDay } from './local-days.ts';

export interface ReportsDeps {
  store: Store;
  dispatcher: QueueDispatcher;
  now: () => Date;
}

function groupBy(
  all: ConversationFacts[],
  key: (facts: ConversationFacts) => string | null,
): Map<string, ConversationFacts[]> {
  const groups = new Map<string, ConversationFacts[]>();
  for (const facts of all) {
    const k = key(facts);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(facts);
    else groups.set(k, [facts]);
  }
  return groups;
}

export class Reports {
  readonly #deps: ReportsDeps;

  constructor(deps: ReportsDeps) {
    this.#deps = deps;
  }

  async report(query: ReportQuery): Promise<Report> {
    const { store } = this.#deps;
    const sites = await store.sites.list();
    const site = query.siteId === undefined ? undefined : sites.find((s) => s.id === query.siteId);
    if (query.siteId !== undefined && !site) throw notFound('Site');
    const timeZone = query.timeZone ?? site?.businessHours.timeZone ?? 'UTC';
    const facts = await store.reports.conversationFacts({
      from: startOfLocalDay(query.from, timeZone).toISOString(),
      to: startOfLocalDay(addDays(query.to, 1), timeZone).toISOString(),
      siteId: query.siteId,
    });
    const byDay = groupBy(facts, (f) => localDateOf(f.createdAt, timeZone));
    const agentNames = new Map((await store.agents.list()).map((a) => [a.id, a.name]));
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    return {
      from: query.from,
      to: query.to,
      timeZone,
      siteId: query.siteId ?? null,
      totals: computeFigures(facts),
      perDay: datesBetween(query.from, query.to).map((date) => ({
        date,
        figures: computeFigures(byDay.get(date) ?? []),
      })),
      perAgent: [...groupBy(facts, (f) => f.agentId)]
        .map(([agentId, group]) => ({
          agentId,
          agentName: agentNames.get(agentId) ?? agentId,
          figures: computeFigures(group),
        }))
        .sort((a, b) => a.agentName.localeCompare(b.agentName)),
      perSite: [...groupBy(facts, (f) => f.siteId)]
        .map(([siteId, group]) => ({
          siteId,
          siteName: siteNames.get(siteId) ?? siteId,
          figures: computeFigures(group),
        }))
        .sort((a, b) => a.siteName.localeCompare(b.siteName)),
      perRule: [...groupBy(facts, (f) => f.startedByRuleId)]
        .map(([ruleId, group]) => ({ ruleId, conversations: group.length }))
        .sort((a, b) => b.conversations - a.conversations || a.ruleId.localeCompare(b.ruleId)),
    };
  }

  /** Every active agent with status (offline unless a console of theirs is connected) and load, and the queue. */
  async agentsNow(): Promise<AgentsNow> {
    const { store, dispatcher } = this.#deps;
    const now = this.#deps.now();
    const connected = new Set((await dispatcher.connectedAgents()).map((a) => a.id));
    const loads = await store.agents.listLoads();
    const waiting = await store.reports.waiting();
    return {
      at: now.toISOString(),
      agents: loads.map((a) => ({
        id: a.id,
        name: a.name,
        status: connected.has(a.id) ? a.status : 'offline',
        activeChats: a.activeCount,
        capacity: a.capacity,
      })),
      queue: {
        length: waiting.count,
        longestWaitSeconds:
          waiting.oldestCreatedAt === null
            ? null
            : Math.max(0, Math.round((now.getTime() - Date.parse(waiting.oldestCreatedAt)) / 1000)),
      },
    };
  }
}
