/**
 * @module The round button in the page corner that opens and closes the chat.
 */
import type { JSX } from 'preact';

export interface LauncherProps {
  open: boolean;
  /** id of the panel while it is open. */
  controls?: string;
  onToggle(): void;
}

export function Launcher({ open, controls, onToggle }: LauncherProps): JSX.Element {
  return (
    <button
      type="button"
      class="launcher"
      aria-label={open ? 'Close chat' : 'Open chat'}
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
    </button>
  );
}
