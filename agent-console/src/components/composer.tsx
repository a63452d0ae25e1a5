/**
 * @module The reply box: Enter sends, Shift+Enter starts a new line. "Private note" switches it to
 * notes only agents see. The text lives in the session's drafts, so switching conversations and
 * coming back finds it where the agent left it. `/shortcut` offers canned responses; `/kb` (or the
 * "Help article" button) searches the help center to answer with an article.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { draftOf, setDraft } from '../state/console-store.ts';
import { useSession } from './session-context.ts';
import { CannedSuggestionList, useCannedSuggestions } from './canned-suggestions.tsx';
import { RichBuilder } from './rich-builder.tsx';
import type { OfferContent } from '@parley/shared';
import { ReplyTarget } from './message-changes.tsx';
import { uploadsFor } from '../state/attachment-uploads.ts';
import { AttachmentTray } from './attachment-tray.tsx';
import { EmojiPicker } from './emoji-picker.tsx';
import { KbArticlePicker, kbCommandBefore } from './kb-article-picker.tsx';

interface ComposerProps {
  conversationId: string;
  /** The conversation has ended: nothing can be sent any more. */
  disabled: boolean;
}

export function Composer({ conversationId, disabled }: ComposerProps) {
  const session = useSession();
  const draft = draftOf(session.store, conversationId);
  const [problem, setProblem] = useState<string | null>(null);
  const [noteMode, setNoteMode] = useState(false);
  const [savingNote, setSavingNote] = useState(false);
  const inputId = useId();
  const problemId = useId();
  const noteToggleId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const auth = session.store.auth.value;
  // rich content being built: null while the builder is closed
  const [building, setBuilding] = useState<{ initial: OfferContent | null } | null>(null);
  // help-console: the help-article search, open or not
  const [searchingHelp, setSearchingHelp] = useState(false);
  const siteId = session.store.data.value.mine.get(conversationId)?.conversation.siteId;
  const canned = useCannedSuggestions(
    auth.status === 'signed-in' ? auth.agent.id : '',
    inputRef,
    (text) => (noteMode ? setDraft(session.store, conversationId, text) : session.editDraft(conversationId, text)),
    (initial) => {
      if (!noteMode) setBuilding({ initial });
    },
  );

  // opening a conversation is a move to answer it
  useEffect(() => {
    if (!disabled) inputRef.current?.focus();
  }, [conversationId, disabled]);

  // files-in-chat: attached files wait here (per conversation) until their message goes
  const uploads = uploadsFor(conversationId, (body, attachments) =>
    session.sendFiles(conversationId, body, attachments),
  );
  const attach = (files: readonly File[]): void => {
    if (!disabled && files[0]) uploads.add(files);
  };
  const takeFiles = (event: Event, data: DataTransfer | null): void => {
    const files = [...(data?.files ?? [])];
    if (noteMode || !files[0]) return;
    event.preventDefault();
    attach(files);
  };
  /** Puts the emoji where the caret was, and the caret after it. */
  function insertEmoji(emoji: string): void {
    const input = inputRef.current;
    const at = input?.selectionStart ?? draft.length;
    const text = draft.slice(0, at) + emoji + draft.slice(input?.selectionEnd ?? at);
    if (noteMode) setDraft(session.store, conversationId, text);
    else session.editDraft(conversationId, text);
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(at + emoji.length, at + emoji.length);
    });
  }

  /** Puts `text` in the reply box where the caret was (an article's excerpt), on lines of its own. */
  function insertText(text: string): void {
    const at = inputRef.current?.selectionStart ?? draft.length;
    const before = draft.slice(0, at).replace(/\s*$/, '');
    const next = `${before}${before === '' ? '' : '\n\n'}${text}\n${draft.slice(at)}`;
    session.editDraft(conversationId, next);
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  /** `/kb` then Space or Enter: the command leaves the reply box and the article search opens. */
  function kbCommand(event: KeyboardEvent, box: HTMLTextAreaElement): boolean {
    if (noteMode || siteId === undefined || (event.key !== 'Enter' && event.key !== ' ')) return false;
    if (event.shiftKey || event.isComposing || box.selectionStart !== box.selectionEnd) return false;
    const at = kbCommandBefore(box.value, box.selectionStart);
    if (at < 0) return false;
    event.preventDefault();
    session.editDraft(conversationId, box.value.slice(0, at) + box.value.slice(box.selectionStart));
    canned.close();
    setSearchingHelp(true);
    return true;
  }

  function submit(): void {
    if (!noteMode && uploads.pendingKeys().length > 0) {
      uploads.send(draft.trim());
      setDraft(session.store, conversationId, '');
      return;
    }
    if (!noteMode) {
      setProblem(session.send(conversationId));
      return;
    }
    setSavingNote(true);
    void session.addNote(conversationId).then((failure) => {
      setSavingNote(false);
      setProblem(failure);
    });
  }

  return (
    <>
      <form
        class={`composer${noteMode ? ' composer--note' : ''}`}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => takeFiles(event, event.dataTransfer)}
        onPaste={(event) => takeFiles(event, event.clipboardData)}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {!noteMode && <ReplyTarget conversationId={conversationId} />}
        <label class="visually-hidden" for={inputId}>
          {noteMode ? 'Private note' : 'Message'}
        </label>
        <textarea
          ref={inputRef}
          id={inputId}
          class="composer__input"
          rows={3}
          value={draft}
          disabled={disabled}
          placeholder={
            disabled
              ? 'This conversation has ended.'
              : noteMode
                ? 'A note for agents only: the visitor never sees it.'
                : 'Write a reply. Enter sends, Shift+Enter adds a line.'
          }
          aria-describedby={problem ? problemId : undefined}
          aria-autocomplete="list"
          aria-controls={canned.open ? canned.listId : undefined}
          aria-activedescendant={canned.open ? canned.optionId(canned.active) : undefined}
          onBlur={canned.close}
          onInput={(event) => {
            setProblem(null);
            // a note is not the agent typing to the visitor: no typing indicator for it
            if (noteMode) setDraft(session.store, conversationId, event.currentTarget.value);
            else session.editDraft(conversationId, event.currentTarget.value);
            canned.onInput(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onKeyDown={(event) => {
            if (kbCommand(event, event.currentTarget)) return;
            if (canned.onKeyDown(event)) return;
            // isComposing: Enter that confirms an IME candidate must not send a half-typed message
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <CannedSuggestionList suggestions={canned} />
        <AttachmentTray uploads={uploads} />
        <div class="composer__controls">
          <label class="composer__toggle" for={noteToggleId}>
            <input
              id={noteToggleId}
              type="checkbox"
              checked={noteMode}
              disabled={disabled}
              onChange={(event) => {
                setNoteMode(event.currentTarget.checked);
                inputRef.current?.focus();
              }}
            />{' '}
            Private note
          </label>
          {!noteMode && (
            <label class="button button--quiet composer__attach">
              Attach files
              <input
                type="file"
                multiple
                class="visually-hidden"
                disabled={disabled}
                onChange={(event) => {
                  const input = event.currentTarget;
                  attach([...(input.files ?? [])]);
                  input.value = '';
                }}
              />
            </label>
          )}
          {!noteMode && (
            // help-console: one row for both, so the reply box keeps its height on a tablet
            <div class="composer__row">
              <button
                type="button"
                class="button button--quiet composer__insert"
                aria-haspopup="dialog"
                disabled={disabled}
                onClick={() => setBuilding({ initial: null })}
              >
                Insert…
              </button>
              {siteId !== undefined && (
                <button
                  type="button"
                  class="button button--quiet"
                  aria-haspopup="dialog"
                  disabled={disabled}
                  onClick={() => setSearchingHelp(true)}
                >
                  Help article…
                </button>
              )}
            </div>
          )}
          <EmojiPicker disabled={disabled} onPick={insertEmoji} />
          <button type="submit" class="button button--primary" disabled={disabled || savingNote}>
            {noteMode ? 'Add note' : 'Send'}
          </button>
        </div>
        {problem && (
          <p id={problemId} class="composer__problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      {searchingHelp && siteId !== undefined && (
        <KbArticlePicker
          siteId={siteId}
          onClose={() => setSearchingHelp(false)}
          onCard={(share) => {
            setSearchingHelp(false);
            setProblem(session.send(conversationId, { type: 'articles', articles: [share.link] }));
          }}
          onExcerpt={(share) => {
            setSearchingHelp(false);
            insertText(`${share.excerpt}\n${share.link.url}`);
          }}
        />
      )}
      {building && (
        <RichBuilder
          initial={building.initial}
          action="Send"
          lead="Quick replies, a card, a form or article links. The text in the reply box goes with it."
          onClose={() => setBuilding(null)}
          onDone={(content) => {
            setBuilding(null);
            setProblem(session.send(conversationId, content));
          }}
        />
      )}
    </>
  );
}
