/**
 * @module One endpoint's latest deliveries: the event, its status and attempts, the receiver's last
 * answer (status and how it began, or why there was none), and Redeliver.
 */
import type { WebhookDelivery, WebhookEndpoint } from '@parley/shared';
import { EmptyState, Loading } from '../../components/load-state.tsx';

const STATUS_LABELS: Record<WebhookDelivery['status'], string> = {
  pending: 'Waiting',
  sending: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed',
};

const time = (iso: string | null) => (iso === null ? '—' : new Date(iso).toLocaleString());

export function WebhookDeliveries(props: {
  endpoint: WebhookEndpoint;
  deliveries: WebhookDelivery[] | null;
  onRefresh: () => void;
  onRedeliver: (delivery: WebhookDelivery) => void;
}) {
  const { deliveries } = props;
  return (
    <section class="card" aria-labelledby="webhook-deliveries-title">
      <h2 class="card__title" id="webhook-deliveries-title">
        Recent deliveries to {props.endpoint.url}
      </h2>
      <button type="button" class="button button--quiet button--small" onClick={props.onRefresh}>
        Refresh deliveries
      </button>
      {deliveries === null ? (
        <Loading label="Loading deliveries…" />
      ) : deliveries.length === 0 ? (
        <EmptyState title="Nothing sent yet." hint="Send a test event, or wait for the next chat." />
      ) : (
        <div class="table-wrap">
          <table class="admin-table" aria-label="Deliveries">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Response</th>
                <th scope="col">Last attempt</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">
                    {delivery.eventType}
                    <span class="muted webhook-event-id"> {delivery.eventId}</span>
                  </th>
                  <td>
                    <span class={`webhook-status webhook-status--${delivery.status}`}>
                      {STATUS_LABELS[delivery.status]}
                    </span>
                    {delivery.status === 'pending' && delivery.attempts > 0 && (
                      <span class="muted"> next {time(delivery.nextAttemptAt)}</span>
                    )}
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    {delivery.responseStatus ?? (delivery.attempts > 0 ? 'No answer' : '—')}
                    {delivery.responseExcerpt && <span class="webhook-excerpt">{delivery.responseExcerpt}</span>}
                  </td>
                  <td>{time(delivery.lastAttemptAt)}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Redeliver ${delivery.eventType} ${delivery.eventId}`}
                      onClick={() => props.onRedeliver(delivery)}
                    >
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
