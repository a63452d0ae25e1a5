/**
 * @module A site's webhook endpoints as a table: URL, events, on or off, the secret's last four
 * characters, and the buttons to see deliveries, send a test event, edit, rotate the secret and delete.
 */
import { useState } from 'preact/hooks';
import type { WebhookEndpoint } from '@parley/shared';
import { Dialog } from '../../components/dialog.tsx';
import { EmptyState } from '../../components/load-state.tsx';
import { EVENT_LABELS } from './webhook-form.tsx';

interface Props {
  endpoints: WebhookEndpoint[];
  selectedId: string | null;
  onDeliveries: (endpoint: WebhookEndpoint) => void;
  onTest: (endpoint: WebhookEndpoint) => void;
  onEdit: (endpoint: WebhookEndpoint) => void;
  onRotate: (endpoint: WebhookEndpoint) => void;
  onDelete: (endpoint: WebhookEndpoint) => void;
}

type Confirm = { kind: 'delete' | 'rotate'; endpoint: WebhookEndpoint } | null;

export function WebhookList(props: Props) {
  const [confirm, setConfirm] = useState<Confirm>(null);
  if (props.endpoints.length === 0)
    return (
      <EmptyState
        title="No webhooks yet."
        hint="Add an endpoint to tell your CRM, Slack bridge or back office what happens in chats and tickets."
      />
    );
  return (
    <>
      {confirm && (
        <Dialog
          title={confirm.kind === 'delete' ? 'Delete this endpoint?' : 'Rotate the signing secret?'}
          onClose={() => setConfirm(null)}
        >
          <p>
            {confirm.kind === 'delete'
              ? `${confirm.endpoint.url} receives nothing more, and its delivery history is deleted.`
              : `Requests to ${confirm.endpoint.url} are signed with a new secret from now on; the current one stops working.`}
          </p>
          <div class="admin-form__actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                (confirm.kind === 'delete' ? props.onDelete : props.onRotate)(confirm.endpoint);
                setConfirm(null);
              }}
            >
              {confirm.kind === 'delete' ? 'Delete endpoint' : 'Rotate secret'}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirm(null)}>
              Keep it
            </button>
          </div>
        </Dialog>
      )}
      <div class="table-wrap">
        <table class="admin-table webhook-endpoints" aria-label="Webhook endpoints">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Events</th>
              <th scope="col">Status</th>
              <th scope="col">Secret</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.endpoints.map((endpoint) => (
              <tr key={endpoint.id} aria-current={endpoint.id === props.selectedId ? 'true' : undefined}>
                <th scope="row" class="webhook-url">
                  {endpoint.url}
                </th>
                <td title={endpoint.events.map((e) => EVENT_LABELS[e]).join(', ')}>
                  {endpoint.events.length === 1
                    ? EVENT_LABELS[endpoint.events[0] ?? 'message.created']
                    : `${endpoint.events.length} events`}
                </td>
                <td>{endpoint.enabled ? 'On' : 'Off'}</td>
                <td>
                  <code>…{endpoint.secretHint}</code>
                </td>
                <td>
                  <div class="webhook-actions">
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Deliveries of ${endpoint.url}`}
                      onClick={() => props.onDeliveries(endpoint)}
                    >
                      Deliveries
                    </button>
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Send test event to ${endpoint.url}`}
                      disabled={!endpoint.enabled}
                      onClick={() => props.onTest(endpoint)}
                    >
                      Send test
                    </button>
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Edit ${endpoint.url}`}
                      onClick={() => props.onEdit(endpoint)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Rotate secret of ${endpoint.url}`}
                      onClick={() => setConfirm({ kind: 'rotate', endpoint })}
                    >
                      Rotate secret
                    </button>
                    <button
                      type="button"
                      class="button button--quiet button--small"
                      aria-label={`Delete ${endpoint.url}`}
                      onClick={() => setConfirm({ kind: 'delete', endpoint })}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
