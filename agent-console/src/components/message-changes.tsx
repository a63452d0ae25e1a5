/**
 * @module A message's quote, its edited or deleted state, and what the agent can do with it (issue 19):
 * reply quoting it, edit or delete their own, and, for admins, read what each change replaced. Kept out of
 * message-log.tsx so the log only places these beside each message.
 */
import { useId, useState } from 'preact/hooks';
import type { Message, MessageQuote, MessageRevision } from '@parley/shared';
import { currentQuote, toQuote } from '@parley/shared/client-core';
import { useSession } from './session-context.ts';
import { MessageText } from './message-text.tsx';

/** The id of a message's item in the log: where a quote jumps to. */
export const messageAnchor = (messageId: string): string => `message-${messageId}`;

const authorLabel = (author: MessageQuote['author'], visitorName: string): string =>
  author.name ?? (author.kind === 'visitor' ? visitorName : 'Agent');

/** Quote, then the text, or "Message deleted" in its place. */
export function MessageContent({ message, visitorName }: { message: Message; visitorName: string }) {
  const session = useSession();
  const held = session.store.data.value.mine.get(message.conversationId)?.messages ?? [];
  const quote = message.replyTo ? currentQuote(held, message.replyTo) : null;
  return (
    <>
      {quote && <QuoteBlock quote={quote} visitorName={visitorName} />}
      {message.deletedAt ? (
        <p class="message__body message__body--deleted">Message deleted</p>
      ) : (
        <MessageText body={message.body} formatted={message.author.kind === 'agent'} />
      )}
      {message.editedAt && !message.deletedAt && <p class="message__edited">Edited</p>}
    </>
  );
}

function QuoteBlock({ quote, visitorName }: { quote: MessageQuote; visitorName: string }) {
  const author = authorLabel(quote.author, visitorName);
  return (
    <blockquote class="quote">
      <button
        type="button"
        class="quote__jump"
        onClick={() => {
          const target = document.getElementById(messageAnchor(quote.id));
          target?.scrollIntoView({ block: 'center' });
          target?.focus();
        }}
      >
        {/* the visible text is the button's name (axe: label-content-name-mismatch); this says where it goes */}
        <span class="visually-hidden">Go to the quoted message from </span>
        <span class="quote__author">{author}</span>
        <span class="quote__excerpt">{quote.deleted ? 'Message deleted' : quote.excerpt}</span>
      </button>
    </blockquote>
  );
}

/** Reply, and for the agent's own messages edit and delete; for admins, the changes made. */
export function MessageActions({ message }: { message: Message }) {
  const session = useSession();
  const auth = session.store.auth.value;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [revisions, setRevisions] = useState<MessageRevision[] | null>(null);
  if (auth.status !== 'signed-in') return null;
  const mine = message.author.kind === 'agent' && message.author.id === auth.agent.id;
  const admin = auth.agent.role === 'admin';
  const changed = Boolean(message.editedAt ?? message.deletedAt);
  const deleted = Boolean(message.deletedAt);
  const report = (failure: string | null) => setProblem(failure);

  if (editing) {
    return (
      <EditForm
        message={message}
        onDone={(failure) => {
          setProblem(failure);
          if (!failure) setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div class="message__actions">
      {!deleted && (
        <button
          type="button"
          class="message__action"
          onClick={() => {
            session.edits.setReplyTarget(message.conversationId, message);
            // the agent goes on writing the reply
            document.querySelector<HTMLTextAreaElement>('.composer__input')?.focus();
          }}
        >
          Reply
        </button>
      )}
      {mine && !deleted && (
        <>
          <button type="button" class="message__action" onClick={() => setEditing(true)}>
            Edit
          </button>
          {confirming ? (
            <span class="message__confirm" role="group" aria-label="Delete this message for everyone?">
              Delete for everyone?{' '}
              <button
                type="button"
                class="message__action"
                onClick={() => {
                  setConfirming(false);
                  void session.edits.remove(message).then(report);
                }}
              >
                Yes, delete
              </button>
              <button type="button" class="message__action" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" class="message__action" onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
        </>
      )}
      {admin && changed && (
        <button
          type="button"
          class="message__action"
          aria-expanded={revisions !== null}
          onClick={() => {
            if (revisions) return setRevisions(null);
            void session.edits.revisions(message).then((found) => {
              if (typeof found === 'string') setProblem(found);
              else setRevisions(found);
            });
          }}
        >
          {revisions ? 'Hide changes' : 'Show changes'}
        </button>
      )}
      {problem && (
        <p class="message__state message__state--failed" role="alert">
          {problem}
        </p>
      )}
      {revisions && <RevisionList revisions={revisions} />}
    </div>
  );
}

function RevisionList({ revisions }: { revisions: MessageRevision[] }) {
  return (
    <ol class="revisions" aria-label="Changes to this message">
      {revisions.map((revision) => (
        <li key={revision.at + revision.action}>
          <span class="revisions__what">
            {revision.action === 'edit' ? 'Edited' : 'Deleted'} by {revision.actor.name ?? revision.actor.kind} at{' '}
            <time dateTime={revision.at}>{new Date(revision.at).toLocaleString()}</time>. Before:
          </span>
          <p class="revisions__text">{revision.previousBody}</p>
        </li>
      ))}
    </ol>
  );
}

function EditForm(props: { message: Message; onDone: (failure: string | null) => void; onCancel: () => void }) {
  const session = useSession();
  const [text, setText] = useState(props.message.body);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const save = () => {
    setSaving(true);
    void session.edits.edit(props.message, text).then((failure) => {
      setSaving(false);
      props.onDone(failure);
    });
  };
  return (
    <form
      class="message__edit"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label for={id} class="visually-hidden">
        Edit message
      </label>
      <textarea
        id={id}
        class="composer__input"
        rows={2}
        value={text}
        autoFocus
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onCancel();
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            save();
          }
        }}
      />
      <div class="message__actions">
        <button type="submit" class="button button--primary" disabled={saving}>
          Save
        </button>
        <button type="button" class="button button--quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Above the composer: the message the next reply quotes, and a way to stop quoting it. */
export function ReplyTarget({
  conversationId,
  visitorName = 'Visitor',
}: {
  conversationId: string;
  visitorName?: string;
}) {
  const session = useSession();
  const target = session.edits.replyTargets.value.get(conversationId);
  if (!target) return null;
  const held = session.store.data.value.mine.get(conversationId)?.messages ?? [];
  const quote = currentQuote(held, toQuote(target));
  return (
    <div class="reply-target">
      <span>
        Replying to <strong>{authorLabel(quote.author, visitorName)}</strong>: {quote.excerpt}
      </span>
      <button
        type="button"
        class="button button--quiet"
        onClick={() => session.edits.setReplyTarget(conversationId, null)}
      >
        Cancel reply
      </button>
    </div>
  );
}
