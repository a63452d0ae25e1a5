/**
 * @module The form for one webhook endpoint: its URL, the events it receives (checkboxes, in the
 * order docs/webhooks.md lists them) and whether it is on. A refusal (a URL of the server's own
 * network, no event chosen) is shown beside the field it concerns.
 */
import { useState } from 'preact/hooks';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint, type WebhookEventType } from '@parley/shared';
import { ApiError } from '../../api/rest-client.ts';
import { CheckboxField, FormMessage, TextField } from '../../components/form-field.tsx';

/** What each event is, in words an admin reads. */
export const EVENT_LABELS: Record<WebhookEventType, string> = {
  'conversation.created': 'Conversation created',
  'conversation.assigned': 'Conversation assigned',
  'conversation.transferred': 'Conversation transferred',
  'conversation.closed': 'Conversation closed',
  'conversation.reopened': 'Conversation reopened',
  'message.created': 'Message created (visitor, agent or bot)',
  'ticket.created': 'Ticket created',
  'ticket.replied': 'Ticket replied',
  'ticket.solved': 'Ticket solved',
  'rating.created': 'Rating created',
  'visitor.identified': 'Visitor identified',
};

export interface WebhookDraft {
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
}

export function draftOf(endpoint: WebhookEndpoint | null): WebhookDraft {
  return endpoint
    ? { url: endpoint.url, events: [...endpoint.events], enabled: endpoint.enabled }
    : { url: '', events: ['conversation.created', 'message.created'], enabled: true };
}

export function WebhookForm(props: {
  title: string;
  initial: WebhookDraft;
  onSave: (draft: WebhookDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (type: WebhookEventType, on: boolean) =>
    setDraft((d) => ({
      ...d,
      events: on
        ? WEBHOOK_EVENT_TYPES.filter((t) => t === type || d.events.includes(t))
        : d.events.filter((t) => t !== type),
    }));
  const urlError = refusal?.code === 'url_not_allowed' ? refusal.message : refusal?.issueAt('url');
  const eventsError = draft.events.length === 0 ? 'Choose at least one event.' : refusal?.issueAt('events');

  const submit = (event: Event) => {
    event.preventDefault();
    if (draft.events.length === 0) return;
    setBusy(true);
    setRefusal(null);
    props.onSave({ ...draft, url: draft.url.trim() }).then(
      () => setBusy(false),
      (caught: unknown) => {
        setBusy(false);
        setRefusal(caught instanceof ApiError ? caught : new ApiError('internal', 'Saving did not work. Try again.'));
      },
    );
  };

  return (
    <form class="admin-form" aria-label={props.title} onSubmit={submit} noValidate>
      <h2 class="card__title">{props.title}</h2>
      <TextField
        label="Endpoint URL"
        name="url"
        type="text"
        value={draft.url}
        required
        hint="https://… on a host reachable from the internet. Parley POSTs each event here as JSON."
        error={urlError}
        onInput={(url) => setDraft((d) => ({ ...d, url }))}
      />
      <fieldset class="fieldset" aria-describedby={eventsError ? 'webhook-events-error' : undefined}>
        <legend class="fieldset__legend">Events</legend>
        <div class="webhook-events">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <CheckboxField
              key={type}
              label={EVENT_LABELS[type]}
              name={`event-${type}`}
              checked={draft.events.includes(type)}
              onChange={(on) => toggle(type, on)}
            />
          ))}
        </div>
        {eventsError && (
          <span id="webhook-events-error" class="field__error">
            {eventsError}
          </span>
        )}
      </fieldset>
      <CheckboxField
        label="Enabled"
        name="enabled"
        checked={draft.enabled}
        hint="A disabled endpoint receives nothing; events waiting for it are dropped."
        onChange={(enabled) => setDraft((d) => ({ ...d, enabled }))}
      />
      {refusal && !urlError && !refusal.issueAt('events') && <FormMessage error={refusal.message} />}
      <div class="admin-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          Save endpoint
        </button>
        <button type="button" class="button button--quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
