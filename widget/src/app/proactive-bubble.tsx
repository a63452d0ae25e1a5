/**
 * @module The proactive message by the launcher: a page rule's or an agent's invite, with who sends
 * it. Pressing the message opens the panel to answer it (the answer starts the chat with this
 * message first); the close button puts it away for the session. Screen readers hear it politely:
 * the live region is always there, so its content appearing is announced.
 */
import type { JSX } from 'preact';
import type { ProactiveMessage } from '../client/chat-state.ts';
import { Avatar } from './avatar.tsx';
import { useStrings } from './strings-context.ts';

export interface ProactiveBubbleProps {
  message: Pick<ProactiveMessage, 'message' | 'senderName' | 'senderAvatarUrl'> | null;
  /** Not a live region: a preview of an agent's message the announcer has already said. */
  quiet?: boolean;
  onOpen: () => void;
  onDismiss: () => void;
}

export function ProactiveBubble({ message, quiet = false, onOpen, onDismiss }: ProactiveBubbleProps): JSX.Element {
  const t = useStrings();
  return (
    <div class="proactive" aria-live={quiet ? 'off' : 'polite'}>
      {message && (
        <div class="bubble">
          <button type="button" class="bubble-open" onClick={onOpen}>
            <span class="faces">
              <Avatar name={message.senderName} url={message.senderAvatarUrl} />
            </span>
            <span class="author">{message.senderName}</span>
            <span class="body" dir="auto">
              {message.message}
            </span>
            <span class="link">{t.reply}</span>
          </button>
          <button type="button" class="bubble-close" aria-label={t.dismiss} onClick={onDismiss}>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
              <path
                d="M6 6l12 12M18 6L6 18"
                stroke="currentColor"
                stroke-width="2.2"
                stroke-linecap="round"
                fill="none"
              />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
