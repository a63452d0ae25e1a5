/**
 * @module After the chat ended (the agent closed it, or the visitor did): rate it from 1 to 5 with
 * an optional comment, ask for the transcript by email, or start a new chat.
 */
import type { JSX } from 'preact';
import type { Conversation } from '@parley/shared';
import { format } from '../i18n/locale.ts';
import { useStrings } from './strings-context.ts';
import { fieldId, useForm } from './use-form.tsx';

export interface EndOfChatProps {
  conversation: Conversation;
  onRate: (rating: number, comment: string) => Promise<boolean>;
  onTranscript: (email: string) => Promise<boolean>;
  onNewChat: () => void;
}

export function EndOfChat({ conversation, onRate, onTranscript, onNewChat }: EndOfChatProps): JSX.Element {
  const t = useStrings();
  return (
    <div class="form end-of-chat">
      {/* only a chat an agent took can be rated: there is nobody to rate otherwise */}
      {conversation.assignedAt !== null &&
        (conversation.rating === null ? <RatingForm onRate={onRate} /> : <p role="status">{t.rated}</p>)}
      <TranscriptForm email={conversation.visitorEmail ?? ''} onTranscript={onTranscript} />
      <button type="button" class="link" onClick={onNewChat}>
        {t.newChat}
      </button>
    </div>
  );
}

function RatingForm({ onRate }: Pick<EndOfChatProps, 'onRate'>): JSX.Element {
  const t = useStrings();
  const comment = { name: 'comment', label: t.comment, multiline: true };
  const form = useForm([{ name: 'rating', label: t.rate, required: true }, comment], (v) =>
    onRate(Number(v.rating), v.comment ?? ''),
  );
  const rating = Number(form.values.rating ?? 0);
  const error = form.errors.rating;
  return (
    <form ref={form.form} onSubmit={form.onSubmit} noValidate>
      <fieldset class="stars" aria-describedby={error && `${fieldId('rating')}-e`}>
        <legend>{t.rate}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={n <= rating ? 'on' : undefined}>
            <input
              type="radio"
              name="rating"
              id={n === 1 ? fieldId('rating') : undefined}
              value={n}
              checked={n === rating}
              aria-label={String(n)}
              onChange={() => form.set('rating', String(n))}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
        {error && (
          <span id={`${fieldId('rating')}-e`} class="error">
            {error}
          </span>
        )}
      </fieldset>
      {form.field(comment)}
      {form.submit(t.sendRating)}
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
  const spec = { name: 'transcript', label: t.email, required: true, email: true };
  const form = useForm([spec], (v) => onTranscript(v.transcript ?? ''), { transcript: email });
  if (form.status === 'done')
    return <p role="status">{format(t.transcriptSent, { email: form.values.transcript?.trim() ?? '' })}</p>;
  return (
    <form ref={form.form} onSubmit={form.onSubmit} noValidate>
      {form.field(spec)}
      {form.submit(t.transcript)}
    </form>
  );
}
