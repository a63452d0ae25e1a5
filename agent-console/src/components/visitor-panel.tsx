/**
 * @module Who the agent is talking to, beside the conversation: name, email and the host page's
 * attributes (marked verified when the site's HMAC proved them), the page the visitor is on and the
 * pages before it, where they came from, their browser and local time, and their other conversations. Loaded when
 * the conversation opens and kept current by the server's pushes as the visitor moves.
 */
import { useEffect } from 'preact/hooks';
import type { VisitorDetails } from '@parley/shared';
import { useSession } from './session-context.ts';
import { formatWaitTime, useNow } from './wait-time.ts';
import { clockTime, dayAndTime, visitorLocalTime } from './visitor-times.ts';
import { VisitorHelpArticles } from './visitor-help-articles.tsx';

interface VisitorPanelProps {
  conversationId: string;
  visitorId: string;
  /** On a tablet the panel lies over the conversation and has its own close button. */
  onClose?: () => void;
}

export function VisitorPanel({ conversationId, visitorId, onClose }: VisitorPanelProps) {
  const session = useSession();
  useEffect(() => {
    void session.visitors.loadPanel(conversationId);
  }, [session, conversationId]);
  const details = session.store.visitors.value.get(visitorId);

  return (
    <aside
      id="visitor-panel"
      class={`visitor-panel${onClose ? ' visitor-panel--overlay' : ''}`}
      aria-labelledby="visitor-panel-title"
      onKeyDown={(event) => {
        if (onClose && event.key === 'Escape') onClose();
      }}
    >
      <div class="visitor-panel__header">
        <h2 id="visitor-panel-title" class="visitor-panel__title">
          Visitor
        </h2>
        {onClose && (
          <button type="button" class="button button--quiet button--small" onClick={onClose}>
            Hide visitor details
          </button>
        )}
      </div>
      {details ? (
        <>
          <VisitorFacts details={details} conversationId={conversationId} />
          {/* help-widget */}
          <VisitorHelpArticles visitorId={visitorId} conversationId={conversationId} />
        </>
      ) : (
        <div class="skeleton-group" role="status" aria-label="Loading visitor details">
          <span class="skeleton skeleton--line" />
          <span class="skeleton skeleton--line skeleton--short" />
          <span class="skeleton skeleton--line" />
        </div>
      )}
    </aside>
  );
}

function VisitorFacts({ details, conversationId }: { details: VisitorDetails; conversationId: string }) {
  const session = useSession();
  const now = useNow(session.now, 30_000);
  const [current, ...earlier] = details.pages;
  const others = details.previousConversations.filter((c) => c.id !== conversationId);
  const attributes = Object.entries(details.attributes);
  const software = details.software ? [details.software.browser, details.software.os].filter(Boolean).join(' on ') : '';

  return (
    <>
      <dl class="visitor-panel__facts">
        <dt>Name</dt>
        <dd>
          {details.name ?? 'Not given'}
          {details.verified && <span class="badge badge--verified"> Verified</span>}
        </dd>
        <dt>Email</dt>
        <dd>{details.email ?? 'Not given'}</dd>
        {details.externalUserId !== null && (
          <>
            <dt>User id</dt>
            <dd>{details.externalUserId}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          {details.online && details.onlineSince
            ? `On the site for ${formatWaitTime(now - Date.parse(details.onlineSince))}`
            : 'Not on the site now'}
        </dd>
        <dt>Browser</dt>
        <dd>{software || 'Unknown'}</dd>
        <dt>Local time</dt>
        <dd>{(details.timeZone && visitorLocalTime(details.timeZone, now)) || 'Unknown'}</dd>
        <dt>Referrer</dt>
        <dd>{details.referrer ?? 'None'}</dd>
      </dl>

      {attributes.length > 0 && (
        <>
          <h3 class="visitor-panel__heading">Attributes</h3>
          <dl class="visitor-panel__facts">
            {attributes.map(([key, value]) => (
              <div key={key} class="visitor-panel__pair">
                <dt>{key}</dt>
                <dd>{value === null ? '—' : String(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      <h3 class="visitor-panel__heading">Current page</h3>
      {current ? (
        <p class="visitor-panel__page">
          <a href={current.url} target="_blank" rel="noopener noreferrer">
            {current.title || current.url}
          </a>{' '}
          <time dateTime={current.at}>{clockTime(current.at)}</time>
        </p>
      ) : (
        <p class="visitor-panel__muted">No page reported yet</p>
      )}

      {earlier.length > 0 && (
        <>
          <h3 class="visitor-panel__heading">Pages visited</h3>
          <ol class="visitor-panel__list" aria-label="Pages visited, latest first">
            {earlier.map((page) => (
              <li key={`${page.at}-${page.url}`}>
                <span class="visitor-panel__page-title">{page.title || page.url}</span>{' '}
                <time dateTime={page.at}>{clockTime(page.at)}</time>
              </li>
            ))}
          </ol>
        </>
      )}

      <h3 class="visitor-panel__heading">Previous conversations</h3>
      {others.length > 0 ? (
        <ul class="visitor-panel__list" aria-label="Previous conversations">
          {others.map((conversation) => (
            <li key={conversation.id}>
              <time dateTime={conversation.createdAt}>{dayAndTime(conversation.createdAt)}</time> ·{' '}
              {conversation.status}
              <br />
              <span class="visitor-panel__muted">{conversation.firstMessage ?? 'No message'}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="visitor-panel__muted">None</p>
      )}
    </>
  );
}
