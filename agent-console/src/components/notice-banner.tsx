/**
 * @module Shows the session's latest failure (a close that did not go through, a sync that failed) until dismissed.
 */
import { useSession } from './session-context.ts';

export function NoticeBanner() {
  const { store } = useSession();
  const notice = store.notice.value;
  if (notice === null) return null;
  return (
    <div class="notice" role="alert">
      <span>{notice}</span>
      <button type="button" class="button button--quiet" onClick={() => (store.notice.value = null)}>
        Dismiss
      </button>
    </div>
  );
}
