/**
 * @module The reports page's "Help center" section: over the page's range and site, what visitors
 * read and searched for, the searches that found nothing (content gaps: what to write next), the
 * "Did this help?" votes, deflection (visitors shown or opening articles who started no chat within
 * 30 minutes), a table per article, and CSV downloads. It loads its own figures, so the support
 * figures above never wait for it.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFLECTION_WINDOW_MINUTES, type HelpReport, type ReportQuery } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { Loading } from '../../components/load-state.tsx';
import { countOf } from '../../components/plural.ts';
import { NOTHING, formatRate } from './report-format.ts';

export function HelpReportSection({ query }: { query: ReportQuery | null }) {
  const { reports } = useApi();
  const [report, setReport] = useState<HelpReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (query === null) return;
    let current = true;
    setError(null);
    reports.helpReport(query).then(
      (answer) => current && setReport(answer),
      (caught: unknown) =>
        current &&
        setError(caught instanceof ApiError ? caught.message : 'The help center figures could not be loaded.'),
    );
    return () => {
      current = false;
    };
  }, [reports, query?.from, query?.to, query?.siteId]);

  return (
    <section class="card report-section" aria-labelledby="report-help">
      <h2 id="report-help" class="card__title">
        Help center
      </h2>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : report === null ? (
        <Loading label="Loading the help center figures…" />
      ) : (
        <HelpFigures report={report} />
      )}
      {query && report && (
        <div class="admin-form__actions">
          <a class="button button--quiet report-download" href={reports.helpCsvUrl(query, 'article')} download>
            Download CSV per article
          </a>
          <a class="button button--quiet report-download" href={reports.helpCsvUrl(query, 'gap')} download>
            Download CSV of content gaps
          </a>
        </div>
      )}
    </section>
  );
}

function HelpFigures({ report }: { report: HelpReport }) {
  const { deflection } = report;
  const items: Array<[string, string, string?]> = [
    ['Article views', String(report.views)],
    ['Searches', String(report.searches)],
    ['Searches with no result', String(report.zeroResultSearches), 'Listed below as content gaps'],
    [
      'Found helpful',
      formatRate(report.helpfulRate),
      `${countOf(report.helpfulVotes, ['yes', 'yes'])}, ${countOf(report.unhelpfulVotes, ['no', 'no'])}`,
    ],
    [
      'Deflection',
      formatRate(deflection.rate),
      `${deflection.deflected} of ${countOf(deflection.visitors, ['visitor', 'visitors'])} shown or opening articles started no chat within ${DEFLECTION_WINDOW_MINUTES} minutes` +
        (deflection.pending > 0 ? ` (${deflection.pending} still within that time)` : ''),
    ],
  ];
  return (
    <>
      <dl class="report-figures">
        {items.map(([label, value, note]) => (
          <div class="report-figure" key={label}>
            <dt class="report-figure__label">{label}</dt>
            <dd class="report-figure__value">{value}</dd>
            {note && <dd class="report-figure__note">{note}</dd>}
          </div>
        ))}
      </dl>
      {/* focusable: on a narrow screen the table scrolls sideways, by keyboard too */}
      <div class="table-wrap" tabIndex={0}>
        <table class="admin-table">
          <caption>Content gaps: searches that found no article</caption>
          <thead>
            <tr>
              <th scope="col">Query</th>
              <th scope="col">Searches</th>
            </tr>
          </thead>
          <tbody>
            {report.contentGaps.length === 0 ? (
              <tr>
                <td colSpan={2}>Every search found something.</td>
              </tr>
            ) : (
              report.contentGaps.map((gap) => (
                <tr key={gap.query}>
                  <th scope="row">{gap.query}</th>
                  <td>{gap.count}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {/* focusable: on a narrow screen the table scrolls sideways, by keyboard too */}
      <div class="table-wrap" tabIndex={0}>
        <table class="admin-table">
          <caption>Per article</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Locale</th>
              <th scope="col">Suggested</th>
              <th scope="col">Views</th>
              <th scope="col">Helpful</th>
              <th scope="col">Not helpful</th>
              <th scope="col">Helpful %</th>
              <th scope="col">Deflected</th>
            </tr>
          </thead>
          <tbody>
            {report.articles.length === 0 ? (
              <tr>
                <td colSpan={8}>No article was read in this range.</td>
              </tr>
            ) : (
              report.articles.map((a) => (
                <tr key={a.articleId}>
                  <th scope="row">{a.title ?? 'Deleted article'}</th>
                  <td>{a.locale ?? NOTHING}</td>
                  <td>{a.shown}</td>
                  <td>{a.views}</td>
                  <td>{a.helpfulVotes}</td>
                  <td>{a.unhelpfulVotes}</td>
                  <td>{formatRate(a.helpfulRate)}</td>
                  <td>{a.deflected}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
