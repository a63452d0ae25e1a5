/**
 * @module The message box: Enter sends, Shift+Enter starts a new line, blank input is never sent.
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { MAX_MESSAGE_LENGTH } from '@parley/shared/limits';
import { useStrings } from './strings-context.ts';

export interface ComposerProps {
  disabled?: boolean;
  draft?: string;
  onDraftChange?: (text: string) => void;
  onSend: (body: string) => void;
  onInput?: () => void;
  onBlur?: () => void;
  /** files-in-chat: files picked with the attach button (none without it; paste and drop: chat-panel.tsx). */
  onFiles?: (files: File[]) => void;
  /** files-in-chat: files wait to go with the next message, so an empty one may be sent. */
  files?: boolean;
}

export function Composer({
  disabled = false,
  draft = '',
  onDraftChange,
  onSend,
  onInput,
  onBlur,
  onFiles,
  files,
}: ComposerProps): JSX.Element {
  const t = useStrings();
  const [text, setTextState] = useState(draft);
  const setText = (value: string): void => {
    setTextState(value);
    onDraftChange?.(value);
  };

  const submit = (): void => {
    const body = text.trim();
    if ((body === '' && !files) || disabled) return;
    onSend(body);
    setText('');
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>): void => {
    // Enter while an input method is composing (Chinese, Japanese…) confirms a word, it must not send
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {onFiles && (
        <label class="attach">
          +
          <input
            type="file"
            class="sr"
            multiple
            aria-label={t.attach}
            onChange={(event) => {
              const input = event.currentTarget;
              onFiles([...(input.files ?? [])]);
              input.value = '';
            }}
          />
        </label>
      )}
      <textarea
        aria-label={t.message}
        placeholder={t.placeholder}
        rows={2}
        maxLength={MAX_MESSAGE_LENGTH}
        value={text}
        disabled={disabled}
        onInput={(event) => {
          setText(event.currentTarget.value);
          onInput?.();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => onBlur?.()}
        dir="auto"
      />
      {/* pressing Send leaves the focus in the message box, so a phone's keyboard stays open */}
      <button type="submit" class="send" disabled={disabled} onMouseDown={(event) => event.preventDefault()}>
        {t.send}
      </button>
    </form>
  );
}
