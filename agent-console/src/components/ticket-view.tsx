/**
 * @module One ticket: who wrote and where replies go, the whole thread (messages with their files,
 * and private notes), a reply that goes out by email with its files (and to the widget when the
 * visitor is there; ticket-reply-form.tsx), an internal note,
 * and solve / reopen / assign to me. Reloads itself whenever the server says the ticket changed.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Agent, TicketDetail } from '@parley/shared';
import { newClientMessageId } from '@parley/shared/client-core';
import { STATUS_LABELS } from '../state/ticket-inbox.ts';
import { timeline } from '../state/timeline.ts';
import { TextAreaField } from './form-field.tsx';
import { useSession } from './session-context.ts';
import { Loading } from './load-state.tsx';
import { MessageAttachments } from './message-attachments.tsx';
import { TicketReplyForm } from './ticket-reply-form.tsx';

export function TicketView({ conversationId, agent }: { conversationId: string; agent: Agent }) {
  const { tickets } = useSession();
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  const load = useCallback(() => {
    tickets
      .get({ conversationId })
      .then(setDetail, (error: unknown) => setProblem(messageOf(error, 'Could not load the ticket.')));
  }, [tickets, conversationId]);
  useEffect(load, [load]);
  useEffect(
    () =>
      tickets.onPush((push) => {
        const ticket = push.event === 'ticket:updated' ? push.payload : push.payload.ticket;
        if (ticket.conversationId === conversationId) load();
      }),
    [tickets, conversationId, load],
  );

  const act = (work: () => Promise<unknown>, done?: () => void) => {
    setBusy(true);
    setProblem(null);
    work()
      .then(() => {
        done?.();
        load();
      })
      .catch((error: unknown) => setProblem(messageOf(error, 'That did not go through.')))
      .finally(() => setBusy(false));
  };

  if (detail === null) return problem ? <p role="alert">{problem}</p> : <Loading label="Loading the ticket…" />;
  const { ticket } = detail;
  const mine = ticket.assignee?.id === agent.id;

  return (
    <section class="ticket" aria-labelledby="ticket-title">
      <header class="ticket__header">
        <div>
          <h2 id="ticket-title" class="ticket__title">
            {ticket.email}
          </h2>
          <span class={`status status--ticket-${ticket.status}`}>{STATUS_LABELS[ticket.status]}</span>{' '}
          <span class="muted">
            {ticket.assignee ? `Assigned to ${mine ? 'you' : ticket.assignee.name}` : 'Unassigned'}
          </span>
        </div>
        <div class="ticket__actions">
          {!mine && (
            <button
              type="button"
              class="button button--quiet"
              disabled={busy}
              onClick={() => act(() => tickets.assign({ conversationId }))}
            >
              Assign to me
            </button>
          )}
          {ticket.status === 'solved' ? (
            <button
              type="button"
              class="button button--quiet"
              disabled={busy}
              onClick={() => act(() => tickets.setStatus({ conversationId, status: 'open' }))}
            >
              Reopen ticket
            </button>
          ) : (
            <button
              type="button"
              class="button button--quiet"
              disabled={busy}
              onClick={() => act(() => tickets.setStatus({ conversationId, status: 'solved' }))}
            >
              Solve ticket
            </button>
          )}
        </div>
      </header>
      {problem && (
        <p class="conversation__problem" role="alert">
          {problem}
        </p>
      )}
      <ol class="messages ticket__thread" aria-label="Ticket thread">
        {timeline(detail.messages, detail.notes).map((item) =>
          item.kind === 'note' ? (
            <li key={item.note.id} class="message message--note">
              <div class="message__meta">
                <span class="message__author">{item.note.author.name}</span>
                <span class="note__label">Internal note</span>
              </div>
              <p class="message__body">{item.note.body}</p>
            </li>
          ) : (
            <li key={item.message.id} class={`message message--${item.message.author.kind}`}>
              <div class="message__meta">
                <span class="message__author">
                  {item.message.author.name ?? (item.message.author.kind === 'visitor' ? ticket.email : 'Parley')}
                </span>
                <time class="message__time" dateTime={item.message.createdAt}>
                  {new Date(item.message.createdAt).toLocaleString()}
                </time>
              </div>
              <p class="message__body">{item.message.body}</p>
              <MessageAttachments attachments={item.message.attachments} />
            </li>
          ),
        )}
      </ol>
      <TicketReplyForm
        conversationId={conversationId}
        busy={busy}
        act={act}
        reply={(request) => tickets.reply(request)}
      />
      <form
        class="ticket__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (note.trim() === '') return;
          act(
            () => tickets.note({ conversationId, clientNoteId: newClientMessageId(), body: note.trim() }),
            () => setNote(''),
          );
        }}
      >
        <TextAreaField
          label="Internal note"
          name="note"
          hint="Only agents see notes."
          value={note}
          onInput={setNote}
          rows={2}
        />
        <button type="submit" class="button button--quiet" disabled={busy || note.trim() === ''}>
          Add note
        </button>
      </form>
    </section>
  );
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message !== '' ? error.message : fallback;
}
