/**
 * @module How a page looks while its data comes and when it could not come: a calm spinner with
 * words (a polite status), or the reason with a Retry button (an alert). One look on every page.
 */
export function Loading({ label }: { label: string }) {
  return (
    <p class="page-state" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="error-state" role="alert">
      <p class="error-state__text">{message}</p>
      {onRetry && (
        <button type="button" class="button button--quiet button--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** A page or list with nothing in it yet: a line of what it is and what fills it. */
export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div class="empty-state">
      <span class="empty-state__art" aria-hidden="true" />
      <p class="empty-state__title">{title}</p>
      {hint && <p class="empty-state__hint">{hint}</p>}
    </div>
  );
}
