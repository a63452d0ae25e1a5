/**
 * @module The reports page's answer bot section (issue 22): for the chosen range and site, what the
 * bot handled, resolved (containment) and handed off (escalation) and why, the time to a handoff,
 * ratings of bot-resolved against agent-resolved chats, the articles it offered, and CSV downloads.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BotReport, HandoffReason, ReportQuery } from '@parley/shared';
import { useApi } from '../../components/api-context.ts';
import { formatAverage, formatDuration, formatRate } from './report-format.ts';
import { BotModeTable } from './bot-mode-table.tsx';

const REASONS: ReadonlyArray<readonly [HandoffReason, string]> = [
  ['asked_for_person', 'Asked for a person'],
  ['no_answer', 'No answer found'],
  ['bot_failure', 'Bot failure'],
  ['timeout', 'Bot too slow (timeout)'],
];

export function BotReportSection({ query }: { query: ReportQuery }) {
  const { botReports } = useApi();
  const [report, setReport] = useState<BotReport | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setFailed(false);
    botReports.report(query).then(
      (answer) => current && setReport(answer),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [botReports, query.from, query.to, query.siteId]);

  return (
    <section class="card report-section" aria-labelledby="report-bot">
      <h2 id="report-bot" class="card__title">
        Answer bot
      </h2>
      {failed && (
        <p class="alert" role="alert">
          The answer bot's figures could not be loaded.
        </p>
      )}
      {report && (
        <>
          <dl class="report-figures">
            {figuresOf(report).map(([label, value, note]) => (
              <div class="report-figure" key={label}>
                <dt class="report-figure__label">{label}</dt>
                <dd class="report-figure__value">{value}</dd>
                {note && <dd class="report-figure__note">{note}</dd>}
              </div>
            ))}
          </dl>
          <BotModeTable byMode={report.byMode} />
          <table class="admin-table">
            <caption>Why the bot handed conversations to the team</caption>
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">Conversations</th>
              </tr>
            </thead>
            <tbody>
              {REASONS.map(([reason, label]) => (
                <tr key={reason}>
                  <th scope="row">{label}</th>
                  <td>{report.handedOffBy[reason]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="admin-table">
            <caption>Articles the bot offered</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Offered</th>
                <th scope="col">Resolved by the bot</th>
              </tr>
            </thead>
            <tbody>
              {report.articles.length === 0 ? (
                <tr>
                  <td colSpan={3}>None in this range.</td>
                </tr>
              ) : (
                report.articles.map((article) => (
                  <tr key={article.articleId}>
                    <th scope="row">{article.title}</th>
                    <td>{article.offered}</td>
                    <td>{article.resolved}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          <div class="admin-form__actions">
            <a class="button button--quiet report-download" href={botReports.csvUrl(query, 'summary')} download>
              Download bot CSV
            </a>
            <a class="button button--quiet report-download" href={botReports.csvUrl(query, 'article')} download>
              Download bot CSV per article
            </a>
          </div>
        </>
      )}
    </section>
  );
}

function figuresOf(report: BotReport): Array<[string, string, string?]> {
  const { botResolved, agentResolved } = report.csat;
  return [
    ['Handled by the bot', String(report.handled)],
    ['Resolved by the bot', String(report.resolved), `${formatRate(report.containmentRate)} containment`],
    ['Handed to the team', String(report.handedOff), `${formatRate(report.escalationRate)} escalation`],
    ['Median time to handoff', formatDuration(report.medianSecondsToHandoff)],
    ['Rating, resolved by the bot', formatAverage(botResolved.average), `${botResolved.rated} rated`],
    ['Rating, resolved by agents', formatAverage(agentResolved.average), `${agentResolved.rated} rated`],
  ];
}
