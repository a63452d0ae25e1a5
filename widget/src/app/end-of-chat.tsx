/**
 * @module After the chat ended (the agent closed it, or the visitor did): one compact card at the
 * end of the thread, like Intercom's and Crisp's. Five stars to rate the chat (a radio group named
 * "1 star" … "5 stars"); choosing one reveals an optional comment and the card's one primary button.
 * Below, the transcript by email and "Start a new chat". The card takes the focus when it appears
 * (the message box it replaces had it), and again once the rating is stored.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Conversation } from '@parley/shared';
import { format } from '../i18n/locale.ts';
import { useStrings } from './strings-context.ts';
import { focusIfIdle } from './focus.ts';
import { fieldId, useForm } from './use-form.tsx';

export interface EndOfChatProps {
  conversation: Conversation;
  onRate: (rating: number, comment: string) => Promise<boolean>;
  onTranscript: (email: string) => Promise<boolean>;
  onNewChat: () => void;
}

export function EndOfChat({ conversation, onRate, onTranscript, onNewChat }: EndOfChatProps): JSX.Element {
  const t = useStrings();
  const card = useRef<HTMLDivElement>(null);
  // stored, as the answer said, before the server's conversation update brings the rating
  const [sent, setSent] = useState(false);
  // the message box went away with the chat: the card is where the visitor is now
  useEffect(() => focusIfIdle(card.current), []);
  const rate = async (rating: number, comment: string): Promise<boolean> => {
    const done = await onRate(rating, comment);
    setSent(done);
    return done;
  };
  return (
    <div class="card" role="group" aria-label={t.chatEnded} tabIndex={-1} ref={card}>
      {/* only a chat an agent took (or the answer bot resolved) can be rated: nobody to rate otherwise */}
      {(conversation.assignedAt !== null || conversation.closedBy === 'bot') &&
        (conversation.rating !== null || sent ? <Thanks /> : <RatingForm onRate={rate} />)}
      <TranscriptForm email={conversation.visitorEmail ?? ''} onTranscript={onTranscript} />
      <button type="button" class="link" onClick={onNewChat}>
        {t.newChat}
      </button>
    </div>
  );
}

/** Takes the focus from the Send button it replaces, so the visitor hears the thanks and stays in the card. */
function Thanks(): JSX.Element {
  const t = useStrings();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => focusIfIdle(ref.current), []);
  return (
    <p class="done" role="status" tabIndex={-1} ref={ref}>
      {t.rated}
    </p>
  );
}

const STAR = 'M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z';

function RatingForm({ onRate }: Pick<EndOfChatProps, 'onRate'>): JSX.Element {
  const t = useStrings();
  const comment = { name: 'comment', label: t.commentOptional, multiline: true };
  const form = useForm([{ name: 'rating', label: t.rate, required: true }, comment], (v) =>
    onRate(Number(v.rating), v.comment ?? ''),
  );
  const rating = Number(form.values.rating ?? 0);
  return (
    <form ref={form.form} onSubmit={form.onSubmit} noValidate>
      <fieldset class="stars">
        <legend>{t.rate}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={n <= rating ? 'on' : undefined}>
            <input
              type="radio"
              name="rating"
              id={n === 1 ? fieldId('rating') : undefined}
              value={n}
              checked={n === rating}
              aria-label={n === 1 ? t.oneStar : format(t.stars, { n })}
              onChange={() => form.set('rating', String(n))}
            />
            <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
              <path d={STAR} fill={n <= rating ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.6" />
            </svg>
          </label>
        ))}
      </fieldset>
      {rating > 0 && (
        <>
          {form.field(comment)}
          {form.submit(t.sendRating)}
        </>
      )}
    </form>
  );
}

function TranscriptForm({
  email,
  onTranscript,
}: {
  email: string;
  onTranscript: (email: string) => Promise<boolean>;
}): JSX.Element {
  const t = useStrings();
  const spec = { name: 'transcript', label: t.email, required: true, email: true, hint: t.transcriptHint };
  const form = useForm([spec], (v) => onTranscript(v.transcript ?? ''), { transcript: email });
  if (form.status === 'done')
    return (
      <p class="done" role="status">
        {format(t.transcriptSent, { email: form.values.transcript?.trim() ?? '' })}
      </p>
    );
  return (
    <form ref={form.form} onSubmit={form.onSubmit} noValidate>
      {form.field(spec)}
      {form.submit(t.transcript, true)}
    </form>
  );
}
