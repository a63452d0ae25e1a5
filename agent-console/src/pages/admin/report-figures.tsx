/**
 * @module The figures of a report: the headline numbers, the CSAT distribution, and tables per
 * day, agent and site. The per-day table is also the chart's text alternative.
 */
import type { ReportFigures } from '@parley/shared';
import { countOf } from '../../components/plural.ts';
import { formatAverage, formatDuration, formatRate } from './report-format.ts';

export function HeadlineFigures({ figures }: { figures: ReportFigures }) {
  const items: Array<[string, string, string?]> = [
    ['Conversations', String(figures.conversations)],
    ['Missed chats', String(figures.missed), 'Ended before an agent took them'],
    ['Median wait', formatDuration(figures.waitSeconds.median)],
    ['90th percentile wait', formatDuration(figures.waitSeconds.p90)],
    ['Median first response', formatDuration(figures.firstResponseSeconds.median)],
    ['Median resolution', formatDuration(figures.resolutionSeconds.median)],
    [
      'First contact resolution',
      formatRate(figures.firstContactResolution.rate),
      `${figures.firstContactResolution.resolved} of ${figures.firstContactResolution.eligible} closed in one chat, no transfer or reopen`,
    ],
    ['CSAT average', formatAverage(figures.csat.average), countOf(figures.csat.responses, ['rating', 'ratings'])],
    ['Became tickets', String(figures.becameTickets)],
    ['Transfers', String(figures.transfers)],
  ];
  return (
    <dl class="report-figures">
      {items.map(([label, value, note]) => (
        <div class="report-figure" key={label}>
          <dt class="report-figure__label">{label}</dt>
          <dd class="report-figure__value">{value}</dd>
          {note && <dd class="report-figure__note">{note}</dd>}
        </div>
      ))}
    </dl>
  );
}

export function CsatDistribution({ figures }: { figures: ReportFigures }) {
  const most = Math.max(1, ...figures.csat.distribution);
  return (
    <table class="admin-table report-csat">
      <caption>CSAT ratings</caption>
      <thead>
        <tr>
          <th scope="col">Rating</th>
          <th scope="col">Answers</th>
        </tr>
      </thead>
      <tbody>
        {figures.csat.distribution.map((count, index) => (
          <tr key={index}>
            <th scope="row">{index + 1} of 5</th>
            <td>
              <span class="report-csat__bar" style={{ width: `${(count / most) * 8}rem` }} aria-hidden="true" />
              {count}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface FigureRow {
  key: string;
  label: string;
  figures: ReportFigures;
}

export function FiguresTable({ caption, heading, rows }: { caption: string; heading: string; rows: FigureRow[] }) {
  // focusable: on a narrow screen the table scrolls sideways, by keyboard too
  return (
    <div class="table-wrap" tabIndex={0}>
      <table class="admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">Conversations</th>
            <th scope="col">Missed</th>
            <th scope="col">Median wait</th>
            <th scope="col">p90 wait</th>
            <th scope="col">Median first response</th>
            <th scope="col">Median resolution</th>
            <th scope="col">First contact resolution</th>
            <th scope="col">CSAT</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, figures }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{figures.conversations}</td>
              <td>{figures.missed}</td>
              <td>{formatDuration(figures.waitSeconds.median)}</td>
              <td>{formatDuration(figures.waitSeconds.p90)}</td>
              <td>{formatDuration(figures.firstResponseSeconds.median)}</td>
              <td>{formatDuration(figures.resolutionSeconds.median)}</td>
              <td>{formatRate(figures.firstContactResolution.rate)}</td>
              <td>{formatAverage(figures.csat.average)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
