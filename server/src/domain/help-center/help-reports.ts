/**
 * @module The help center's report for admins: over a date range of the site's days (or a chosen
 * zone, UTC for all sites, as the support report reads them), what was read, searched for, found
 * nothing for, voted and deflected, in total and per article. Also the last day's deflection for
 * /metrics.
 */
import { CONTENT_GAPS_LISTED, type HelpReport, type ReportQuery } from '@parley/shared';
import { notFound } from '../../errors.ts';
import type { Store } from '../../store/store.ts';
import type { HelpReportFilter } from '../../store/help-report-store.ts';
import { addDays, startOfLocalDay } from '../local-days.ts';
import { DEFLECTION_WINDOW_MS, decideDeflection, type DeflectionResult } from './help-deflection.ts';

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export class HelpReports {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now;
  }

  async report(query: ReportQuery): Promise<HelpReport> {
    const store = this.#store;
    const site = query.siteId === undefined ? undefined : await store.sites.findById(query.siteId);
    if (query.siteId !== undefined && !site) throw notFound('Site');
    const timeZone = query.timeZone ?? site?.businessHours.timeZone ?? 'UTC';
    const filter: HelpReportFilter = {
      from: startOfLocalDay(query.from, timeZone).toISOString(),
      to: startOfLocalDay(addDays(query.to, 1), timeZone).toISOString(),
      siteId: query.siteId,
    };
    const [counts, contentGaps, articleCounts, deflection] = await Promise.all([
      store.helpReports.counts(filter),
      store.helpReports.contentGaps(filter, CONTENT_GAPS_LISTED),
      store.helpReports.articleCounts(filter),
      this.#deflection(filter),
    ]);
    const votes = counts.helpfulVotes + counts.unhelpfulVotes;
    return {
      from: query.from,
      to: query.to,
      timeZone,
      siteId: query.siteId ?? null,
      ...counts,
      helpfulRate: share(counts.helpfulVotes, votes),
      deflection: deflection.totals,
      contentGaps,
      articles: articleCounts
        .map((a) => ({
          articleId: a.articleId,
          title: a.article?.title ?? null,
          locale: a.article?.locale ?? null,
          slug: a.article?.slug ?? null,
          siteId: a.article?.siteId ?? null,
          shown: a.shown,
          views: a.views,
          helpfulVotes: a.helpfulVotes,
          unhelpfulVotes: a.unhelpfulVotes,
          helpfulRate: share(a.helpfulVotes, a.helpfulVotes + a.unhelpfulVotes),
          deflected: deflection.deflectedPerArticle.get(a.articleId) ?? 0,
        }))
        .sort((a, b) => b.views - a.views || b.shown - a.shown || (a.title ?? '').localeCompare(b.title ?? '')),
    };
  }

  /**
   * Visitors decided in the last 24 hours, per site: exposures from 24 h + the window ago up to the
   * window ago, so every one of them is decided now (none pending).
   */
  async lastDayDeflection(): Promise<{ deflected: number; chatted: number }> {
    const now = this.#now().getTime();
    const to = new Date(now - DEFLECTION_WINDOW_MS).toISOString();
    const from = new Date(now - DEFLECTION_WINDOW_MS - 86_400_000).toISOString();
    const sites = await this.#store.sites.list();
    let deflected = 0;
    let chatted = 0;
    for (const site of sites) {
      const { totals } = await this.#deflection({ from, to, siteId: site.id });
      deflected += totals.deflected;
      chatted += totals.chatted;
    }
    return { deflected, chatted };
  }

  async #deflection(filter: HelpReportFilter): Promise<DeflectionResult> {
    const until = new Date(Date.parse(filter.to) + DEFLECTION_WINDOW_MS).toISOString();
    const [exposures, chats] = await Promise.all([
      this.#store.helpReports.exposures(filter),
      this.#store.helpReports.chatStarts(filter, until),
    ]);
    return decideDeflection(exposures, chats, this.#now());
  }
}
