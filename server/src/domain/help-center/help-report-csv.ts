/**
 * @module The help center's report as CSV (RFC 4180, cells guarded against formulas as the support
 * report's are): one row per article, or one per content gap (a query that found nothing).
 */
import type { HelpReport, HelpReportCsvView } from '@parley/shared';
import { csvCell } from '../report-csv.ts';

const rounded = (rate: number | null) => (rate === null ? null : Math.round(rate * 10_000) / 10_000);

export function helpReportCsv(report: HelpReport, view: HelpReportCsvView): string {
  const rows: Array<Array<string | number | null>> = [];
  if (view === 'article') {
    rows.push([
      'article_id',
      'title',
      'locale',
      'slug',
      'shown',
      'views',
      'helpful_votes',
      'unhelpful_votes',
      'helpful_rate',
      'deflected_visitors',
    ]);
    for (const a of report.articles) {
      rows.push([
        a.articleId,
        a.title,
        a.locale,
        a.slug,
        a.shown,
        a.views,
        a.helpfulVotes,
        a.unhelpfulVotes,
        rounded(a.helpfulRate),
        a.deflected,
      ]);
    }
  } else {
    rows.push(['query', 'searches']);
    for (const gap of report.contentGaps) rows.push([gap.query, gap.count]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
