/**
 * @module Admin page: reports. Pick a date range and a site; the figures are computed by the server
 * in the site's time zone (UTC for all sites). Shows the headline figures, a per-day chart (uPlot,
 * loaded only here), CSAT answers, tables per day, agent and site, the help center's figures, and CSV downloads.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import type { Agent, Report, ReportCsvView, ReportQuery, SiteAdminView } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../components/page-frame.tsx';
import { CsatDistribution, FiguresTable, HeadlineFigures } from './report-figures.tsx';
import { lastSevenDays } from './report-format.ts';
import { Loading } from '../../components/load-state.tsx';
import { HelpReportSection } from './help-report-section.tsx';
import '../../reports.css';
// answer bot (issue 22)
import { BotReportSection } from './bot-report-section.tsx';

type ChartComponent = FunctionComponent<{ perDay: Report['perDay'] }>;

export function ReportsPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="Reports">
      <AdminOnly agent={agent}>
        <Reports />
      </AdminOnly>
    </PageFrame>
  );
}

function Reports() {
  const { admin, reports } = useApi();
  const [range, setRange] = useState(lastSevenDays);
  const [sites, setSites] = useState<SiteAdminView[] | null>(null);
  const [siteId, setSiteId] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [Chart, setChart] = useState<ChartComponent | null>(null);

  useEffect(() => {
    admin.listSites().then(
      (list) => {
        setSites(list);
        // the first site's own zone is the natural default: its days are the team's days
        setSiteId((current) => current || (list[0]?.id ?? ''));
      },
      (caught: unknown) => setError(messageOf(caught)),
    );
    void import('./report-chart.tsx').then(
      (module) => setChart(() => module.ReportChart),
      () => setError('The chart could not be loaded. The figures below are complete.'),
    );
  }, [admin]);

  const query: ReportQuery | null =
    sites === null || range.from === '' || range.to === '' || range.from > range.to
      ? null
      : { from: range.from, to: range.to, ...(siteId ? { siteId } : {}) };

  useEffect(() => {
    if (query === null) return;
    let current = true;
    setError(null);
    reports.report(query).then(
      (answer) => current && setReport(answer),
      (caught: unknown) => current && setError(messageOf(caught)),
    );
    return () => {
      current = false;
    };
  }, [reports, query?.from, query?.to, query?.siteId]);

  const csv = (view: ReportCsvView, label: string) =>
    query && (
      <a class="button button--quiet report-download" href={reports.csvUrl(query, view)} download>
        {label}
      </a>
    );

  return (
    <>
      <form class="card report-filters" aria-label="Report range" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="report-from">From</label>
          <input
            id="report-from"
            class="field__input"
            type="date"
            value={range.from}
            max={range.to}
            onInput={(e) => setRange({ ...range, from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="report-to">To</label>
          <input
            id="report-to"
            class="field__input"
            type="date"
            value={range.to}
            min={range.from}
            onInput={(e) => setRange({ ...range, to: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          {/* a wrapping label would name the select with its options' text too */}
          <label for="report-site">Site</label>
          <select
            id="report-site"
            class="field__input"
            value={siteId}
            onChange={(e) => setSiteId(e.currentTarget.value)}
          >
            {(sites ?? []).map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
            <option value="">All sites (UTC days)</option>
          </select>
        </div>
      </form>
      {range.from > range.to && (
        <p class="alert" role="alert">
          The range ends before it starts.
        </p>
      )}
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {report === null ? (
        error ? null : (
          <Loading label="Loading the report…" />
        )
      ) : (
        <>
          <section class="card report-section" aria-labelledby="report-totals">
            <h2 id="report-totals" class="card__title">
              {report.from === report.to ? report.from : `${report.from} to ${report.to}`}
            </h2>
            <p class="muted">Days as the clock reads in {report.timeZone}.</p>
            <HeadlineFigures figures={report.totals} />
          </section>
          <section class="card report-section" aria-labelledby="report-chart-title">
            <h2 id="report-chart-title" class="card__title">
              Per day
            </h2>
            <figure class="report-chart">
              <div
                role="img"
                aria-label="Chart of conversations (bars) and missed chats (line) per day; the table below has the same numbers."
              >
                {Chart ? <Chart perDay={report.perDay} /> : <span class="muted">Loading the chart…</span>}
              </div>
              <figcaption class="report-chart__legend">
                <span class="report-chart__key report-chart__key--conversations" aria-hidden="true" /> Conversations
                <span class="report-chart__key report-chart__key--missed" aria-hidden="true" /> Missed chats
              </figcaption>
            </figure>
            <FiguresTable
              caption="Figures per day"
              heading="Day"
              rows={report.perDay.map((d) => ({ key: d.date, label: d.date, figures: d.figures }))}
            />
          </section>
          <section class="card report-section" aria-labelledby="report-csat">
            <h2 id="report-csat" class="card__title">
              Satisfaction
            </h2>
            <CsatDistribution figures={report.totals} />
          </section>
          <section class="card report-section" aria-labelledby="report-breakdown">
            <h2 id="report-breakdown" class="card__title">
              Per agent and per site
            </h2>
            <FiguresTable
              caption="Figures per agent (the agent who held the conversation last)"
              heading="Agent"
              rows={report.perAgent.map((a) => ({ key: a.agentId, label: a.agentName, figures: a.figures }))}
            />
            <FiguresTable
              caption="Figures per site"
              heading="Site"
              rows={report.perSite.map((s) => ({ key: s.siteId, label: s.siteName, figures: s.figures }))}
            />
          </section>
          <HelpReportSection query={query} />
          {query && <BotReportSection query={query} />}
          <section class="card report-section" aria-labelledby="report-export">
            <h2 id="report-export" class="card__title">
              Export
            </h2>
            <div class="admin-form__actions">
              {csv('day', 'Download CSV per day')}
              {csv('agent', 'Download CSV per agent')}
              {csv('site', 'Download CSV per site')}
            </div>
          </section>
        </>
      )}
    </>
  );
}

function messageOf(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.';
}
