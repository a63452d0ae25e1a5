/**
 * @module A report as CSV (RFC 4180): one row per day, agent or site, the same figures as the page.
 * Durations in seconds, rates 0–1, empty cells where nothing was measured.
 */
import type { Report, ReportCsvView, ReportFigures } from '@parley/shared';

const FIGURE_COLUMNS = [
  'conversations',
  'missed',
  'became_tickets',
  'transfers',
  'wait_median_s',
  'wait_p90_s',
  'first_response_median_s',
  'first_response_p90_s',
  'resolution_median_s',
  'resolution_p90_s',
  'fcr_resolved',
  'fcr_eligible',
  'fcr_rate',
  'csat_responses',
  'csat_average',
  'csat_1',
  'csat_2',
  'csat_3',
  'csat_4',
  'csat_5',
];

function figureCells(f: ReportFigures): Array<string | number | null> {
  return [
    f.conversations,
    f.missed,
    f.becameTickets,
    f.transfers,
    f.waitSeconds.median,
    f.waitSeconds.p90,
    f.firstResponseSeconds.median,
    f.firstResponseSeconds.p90,
    f.resolutionSeconds.median,
    f.resolutionSeconds.p90,
    f.firstContactResolution.resolved,
    f.firstContactResolution.eligible,
    f.firstContactResolution.rate === null ? null : Math.round(f.firstContactResolution.rate * 10_000) / 10_000,
    f.csat.responses,
    f.csat.average,
    ...f.csat.distribution,
  ];
}

/**
 * What a spreadsheet may read as the start of a formula: OWASP's CSV injection list (= + - @ tab,
 * carriage return), plus line feed and NUL (OWASP ASVS 1.2.10), which some spreadsheets skip over.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** One cell, RFC 4180-quoted; text that could run as a formula gets a leading `'` (names are data, never formulas). */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(report: Report, view: ReportCsvView): string {
  const rows: Array<Array<string | number | null>> = [];
  if (view === 'day') {
    rows.push(['date', ...FIGURE_COLUMNS]);
    for (const day of report.perDay) rows.push([day.date, ...figureCells(day.figures)]);
    rows.push(['total', ...figureCells(report.totals)]);
  } else if (view === 'agent') {
    rows.push(['agent_id', 'agent', ...FIGURE_COLUMNS]);
    for (const a of report.perAgent) rows.push([a.agentId, a.agentName, ...figureCells(a.figures)]);
  } else {
    rows.push(['site_id', 'site', ...FIGURE_COLUMNS]);
    for (const s of report.perSite) rows.push([s.siteId, s.siteName, ...figureCells(s.figures)]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
