/**
 * @module The round button in the page corner that opens and closes the chat, with the number of
 * unread agent messages while the chat is closed.
 */
import type { JSX } from 'preact';
import { useStrings } from './strings-context.ts';

export interface LauncherProps {
  open: boolean;
  /** id of the panel while it is open. */
  controls?: string;
  unread?: number;
  onToggle: () => void;
}

export function Launcher({ open, controls, unread = 0, onToggle }: LauncherProps): JSX.Element {
  const t = useStrings();
  // "Open chat (2)": the count of unread agent messages, which the badge shows visually
  const label = open ? t.closeChat : unread > 0 ? `${t.openChat} (${unread})` : t.openChat;
  return (
    <button
      type="button"
      class="launcher"
      aria-label={label}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
        {open ? (
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" fill="none" />
        ) : (
          <path
            d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 4 13.5z"
            fill="currentColor"
          />
        )}
      </svg>
      {!open && unread > 0 && (
        <span class="badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </button>
  );
}
