/**
 * @module Admin page: who is working right now. Each agent's status (offline unless their console is
 * connected), chats held against capacity, and the queue with its longest wait. Polled every few
 * seconds while the page is open.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, AgentsNow } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { useApi } from '../../components/api-context.ts';
import { AdminOnly, PageFrame } from '../../components/page-frame.tsx';
import { formatDuration } from './report-format.ts';
import { Loading } from '../../components/load-state.tsx';
import '../../reports.css';

const POLL_MS = 5000;
const STATUS_LABEL: Record<AgentsNow['agents'][number]['status'], string> = {
  online: 'Online',
  away: 'Away',
  offline: 'Offline',
};

export function AgentsNowPage({ agent }: { agent: Agent }) {
  return (
    <PageFrame agent={agent} title="Agents now">
      <AdminOnly agent={agent}>
        <AgentsNowView />
      </AdminOnly>
    </PageFrame>
  );
}

function AgentsNowView() {
  const { reports } = useApi();
  const [now, setNow] = useState<AgentsNow | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      reports.agentsNow().then(
        (answer) => {
          if (!live) return;
          setNow(answer);
          setError(null);
        },
        (caught: unknown) =>
          live && setError(caught instanceof ApiError ? caught.message : 'Could not load who is working.'),
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [reports]);

  if (now === null)
    return error ? (
      <p class="alert" role="alert">
        {error}
      </p>
    ) : (
      <Loading label="Loading who is working…" />
    );
  const working = now.agents.filter((a) => a.status !== 'offline').length;
  return (
    <>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      <section class="card report-section" aria-labelledby="now-summary">
        <h2 id="now-summary" class="card__title">
          Right now
        </h2>
        <dl class="report-figures">
          <div class="report-figure">
            <dt class="report-figure__label">Agents online or away</dt>
            <dd class="report-figure__value">{working}</dd>
          </div>
          <div class="report-figure">
            <dt class="report-figure__label">Waiting in the queue</dt>
            <dd class="report-figure__value">{now.queue.length}</dd>
          </div>
          <div class="report-figure">
            <dt class="report-figure__label">Longest wait</dt>
            <dd class="report-figure__value">{formatDuration(now.queue.longestWaitSeconds)}</dd>
          </div>
        </dl>
        <p class="muted">
          Updated {new Date(now.at).toLocaleTimeString()}; refreshes every {POLL_MS / 1000} seconds.
        </p>
      </section>
      <div class="table-wrap">
        <table class="admin-table">
          <caption>Agents</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Status</th>
              <th scope="col">Active chats</th>
            </tr>
          </thead>
          <tbody>
            {now.agents.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>
                  <span class={`status-dot status-dot--${a.status}`} aria-hidden="true" /> {STATUS_LABEL[a.status]}
                </td>
                <td>
                  {a.activeChats} of {a.capacity}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
