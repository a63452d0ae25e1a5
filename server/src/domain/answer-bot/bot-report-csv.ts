/**
 * @module The answer bot's report as CSV (RFC 4180, cells guarded against formulas as the support
 * report's are): one summary row, or one row per article the bot offered.
 */
import type { BotReport, BotReportCsvView } from '@parley/shared';
import { csvCell } from '../report-csv.ts';

const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

export function botReportCsv(report: BotReport, view: BotReportCsvView): string {
  const rows: Array<Array<string | number | null>> = [];
  if (view === 'summary') {
    const by = report.handedOffBy;
    rows.push([
      'from',
      'to',
      'handled',
      'resolved_by_bot',
      'containment_rate',
      'handed_off',
      'escalation_rate',
      'asked_for_person',
      'no_answer',
      'bot_failure',
      'timeout',
      'open',
      'median_seconds_to_handoff',
      'bot_resolved_rated',
      'bot_resolved_average_rating',
      'agent_resolved_rated',
      'agent_resolved_average_rating',
      // per kind of bot (bot-external), last so readers of the earlier columns are undisturbed
      'builtin_handled',
      'builtin_containment_rate',
      'builtin_escalation_rate',
      'external_handled',
      'external_containment_rate',
      'external_escalation_rate',
    ]);
    rows.push([
      report.from,
      report.to,
      report.handled,
      report.resolved,
      rounded(report.containmentRate),
      report.handedOff,
      rounded(report.escalationRate),
      by.asked_for_person ?? 0,
      by.no_answer ?? 0,
      by.bot_failure ?? 0,
      by.timeout ?? 0,
      report.open,
      rounded(report.medianSecondsToHandoff),
      report.csat.botResolved.rated,
      rounded(report.csat.botResolved.average),
      report.csat.agentResolved.rated,
      rounded(report.csat.agentResolved.average),
      ...(['builtin', 'external'] as const).flatMap((mode) => [
        report.byMode[mode].handled,
        rounded(report.byMode[mode].containmentRate),
        rounded(report.byMode[mode].escalationRate),
      ]),
    ]);
  } else {
    rows.push(['article_id', 'title', 'offered', 'resolved_by_bot']);
    for (const a of report.articles) rows.push([a.articleId, a.title, a.offered, a.resolved]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
