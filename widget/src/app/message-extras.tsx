/**
 * @module A lazy chunk (lazy-extras.ts): what a message shows beyond its text, and what the visitor can do
 * with it (issue 19). A reply's quote, read from the held original when there is one so it follows edits
 * and deletes live; "Message deleted" in place of a deleted message; "edited"; and Reply for any message,
 * Edit and Delete for the visitor's own within the site's window (the server decides; a refusal says so).
 * Styles are set through the CSSOM (style objects), which a strict style-src allows.
 */
import { useContext, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Message } from '@parley/shared';
import { currentQuote, toQuote } from '@parley/shared/client-core';
import type { ChatContext } from '../client/chat-context.ts';
import { ChatAccess } from './lazy-extras.ts';

/** The window the widget offers Edit and Delete in; the server enforces its own (MESSAGE_EDIT_WINDOW_SECONDS). */
const OFFER_MS = 5 * 60_000;

const WORDS = {
  en: [
    'Reply',
    'Edit',
    'Delete',
    'Message deleted',
    'edited',
    'Replying to',
    'Cancel',
    'Save',
    'Not changed: try again',
    'Edit message',
    'Visitor',
    'Agent',
    'Delete for everyone?',
    'Keep',
  ],
  de: [
    'Antworten',
    'Bearbeiten',
    'Löschen',
    'Nachricht gelöscht',
    'bearbeitet',
    'Antwort auf',
    'Abbrechen',
    'Speichern',
    'Nicht geändert: bitte erneut versuchen',
    'Nachricht bearbeiten',
    'Sie',
    'Agent',
    'Für alle löschen?',
    'Behalten',
  ],
  es: [
    'Responder',
    'Editar',
    'Eliminar',
    'Mensaje eliminado',
    'editado',
    'Respondiendo a',
    'Cancelar',
    'Guardar',
    'Sin cambios: inténtalo de nuevo',
    'Editar mensaje',
    'Tú',
    'Agente',
    '¿Eliminar para todos?',
    'Conservar',
  ],
  fr: [
    'Répondre',
    'Modifier',
    'Supprimer',
    'Message supprimé',
    'modifié',
    'Réponse à',
    'Annuler',
    'Enregistrer',
    'Non modifié : réessayez',
    'Modifier le message',
    'Vous',
    'Agent',
    'Supprimer pour tous ?',
    'Garder',
  ],
  ar: [
    'رد',
    'تعديل',
    'حذف',
    'تم حذف الرسالة',
    'معدّلة',
    'رد على',
    'إلغاء',
    'حفظ',
    'لم يتغير: حاول مرة أخرى',
    'تعديل الرسالة',
    'أنت',
    'الوكيل',
    'حذف للجميع؟',
    'إبقاء',
  ],
};
const [REPLY, EDIT, DELETE, DELETED, EDITED, REPLYING, CANCEL, SAVE, FAILED, EDIT_LABEL, YOU, AGENT, SURE, KEEP] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
];
/**
 * The widget's language, read from its root's lang attribute (chat-widget.tsx sets it), so the core
 * need not pass it: a ref on what the extras draw finds it once they are on screen.
 */
function useWords(): [string[], (element: Element | null) => void] {
  const [lang, setLang] = useState('en');
  const words = WORDS[lang.slice(0, 2) as keyof typeof WORDS] ?? WORDS.en;
  return [words, (element) => element && setLang(element.closest('[lang]')?.getAttribute('lang') ?? 'en')];
}

const quiet: JSX.CSSProperties = { font: 'inherit', fontSize: '0.8em' };
const link: JSX.CSSProperties = {
  ...quiet,
  background: 'none',
  border: 0,
  padding: 0,
  color: 'inherit',
  textDecoration: 'underline',
  cursor: 'pointer',
};

function useChat(): ChatContext {
  const chat = useContext(ChatAccess);
  if (!chat) throw new Error('message extras outside a ChatAccess provider');
  return chat;
}

/**
 * Asks for a change; true once the server took it. The change itself arrives as message:updated (the
 * server tells every socket of the visitor, this one too), so the state needs nothing from the answer.
 */
function change(chat: ChatContext, event: 'message:edit' | 'message:delete', payload: object): Promise<boolean> {
  const socket = chat.online();
  if (!socket) return Promise.resolve(false);
  return new Promise((resolve) => {
    const ack = (err: unknown, res?: { ok: boolean }) => resolve(!err && res?.ok === true);
    // one signature for both events: the payloads differ only by the edit's fields
    (socket.timeout(chat.ackTimeoutMs).emit as (e: string, p: object, a: typeof ack) => void)(event, payload, ack);
  });
}

/** A fresh id for an edit (letters and digits, as the schema asks): its retry is applied once. */
const changeId = (): string => Math.random().toString(36).slice(2) + Date.now().toString(36);

/** Above the text: the quote, and "Message deleted" in place of a deleted one's text. */
export function Above({ message }: { message: Message }): JSX.Element | null {
  const chat = useChat();
  const [words, found] = useWords();
  const quote = message.replyTo && currentQuote(chat.state().thread.messages, message.replyTo);
  if (!quote && !message.deletedAt) return null;
  return (
    <div
      ref={(element) => {
        found(element);
        // a deleted message's (empty) text box, which the core draws next, stays out of sight
        const text = element?.nextElementSibling;
        if (text instanceof HTMLElement) text.hidden = Boolean(message.deletedAt);
      }}
    >
      {quote && (
        <blockquote
          style={{
            margin: '0 0 4px',
            padding: '0 0 0 8px',
            borderInlineStart: '3px solid currentColor',
          }}
        >
          <button
            type="button"
            style={{ ...link, textDecoration: 'none', textAlign: 'start', display: 'block' }}
            onClick={(event) => {
              // the original's bubble, in this widget's own shadow root
              const original = event.currentTarget
                .closest('.log')
                ?.querySelector<HTMLElement>(`[data-seq="${quote.seq}"]`);
              original?.scrollIntoView({ block: 'center' });
              original?.setAttribute('tabindex', '-1');
              original?.focus();
            }}
          >
            <b>{quote.author.name ?? words[quote.author.kind === 'visitor' ? YOU : AGENT]}</b>
            <br />
            {quote.deleted ? <i>{words[DELETED]}</i> : quote.excerpt}
          </button>
        </blockquote>
      )}
      {message.deletedAt && (
        <p class="body" style={{ fontStyle: 'italic', margin: 0 }}>
          {words[DELETED]}
        </p>
      )}
    </div>
  );
}

/** Below the text: "edited", and the actions. */
export function Below({ message }: { message: Message }): JSX.Element | null {
  const chat = useChat();
  const [words, found] = useWords();
  const [editing, setEditing] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // a delete asks once more: it cannot be undone
  const [confirming, setConfirming] = useState(false);
  if (message.seq === 0 || message.deletedAt) return null;
  const mine = message.author.kind === 'visitor' && Date.now() - Date.parse(message.createdAt) < OFFER_MS;
  const ref = { conversationId: message.conversationId, messageId: message.id };
  const done = (ok: boolean) => {
    setFailed(!ok);
    if (ok) setEditing(null);
  };
  if (editing !== null) {
    const save = () =>
      void change(chat, 'message:edit', { ...ref, clientChangeId: changeId(), body: editing.trim() }).then(done);
    return (
      <form
        ref={found}
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <textarea
          aria-label={words[EDIT_LABEL]}
          value={editing}
          rows={2}
          style={{ width: '100%', font: 'inherit', boxSizing: 'border-box' }}
          onInput={(event) => setEditing(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setEditing(null);
            }
          }}
        />
        <button type="submit" style={link}>
          {words[SAVE]}
        </button>{' '}
        <button type="button" style={link} onClick={() => setEditing(null)}>
          {words[CANCEL]}
        </button>
        {failed && <span role="alert"> {words[FAILED]}</span>}
      </form>
    );
  }
  return (
    <span ref={found} style={{ display: 'flex', gap: '8px', flexWrap: 'wrap' }}>
      {message.editedAt && <span style={quiet}>{words[EDITED]}</span>}
      <button type="button" style={link} onClick={() => chat.update({ ...chat.state(), replyTo: message })}>
        {words[REPLY]}
      </button>
      {mine && (
        <>
          <button type="button" style={link} onClick={() => setEditing(message.body)}>
            {words[EDIT]}
          </button>
          {confirming ? (
            <span role="group" aria-label={words[SURE]}>
              {words[SURE]}{' '}
              <button
                type="button"
                style={link}
                onClick={() => {
                  setConfirming(false);
                  void change(chat, 'message:delete', ref).then(done);
                }}
              >
                {words[DELETE]}
              </button>{' '}
              <button type="button" style={link} onClick={() => setConfirming(false)}>
                {words[KEEP]}
              </button>
            </span>
          ) : (
            <button type="button" style={link} onClick={() => setConfirming(true)}>
              {words[DELETE]}
            </button>
          )}
        </>
      )}
      {failed && (
        <span role="alert" style={quiet}>
          {words[FAILED]}
        </span>
      )}
    </span>
  );
}

/** Above the composer: the message the next one answers, and a way to stop answering it. */
export function ReplyBar(): JSX.Element | null {
  const chat = useChat();
  const [words, found] = useWords();
  const target = chat.state().replyTo;
  if (!target) return null;
  const quote = currentQuote(chat.state().thread.messages, toQuote(target));
  return (
    <p
      ref={found}
      style={{
        margin: '0 12px',
        padding: '4px 8px',
        borderInlineStart: '3px solid currentColor',
        ...quiet,
        fontSize: '0.85em',
      }}
    >
      {words[REPLYING]}: {quote.deleted ? words[DELETED] : quote.excerpt}{' '}
      <button type="button" style={link} onClick={() => chat.update({ ...chat.state(), replyTo: null })}>
        {words[CANCEL]}
      </button>
    </p>
  );
}
