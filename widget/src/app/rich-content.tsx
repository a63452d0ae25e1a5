/**
 * @module Rich content in the widget, a chunk of its own (lazy-rich.tsx fetches it when the first
 * message with content arrives): quick replies as buttons, a card, a short form and article links.
 * Nothing from content becomes HTML: every text is a text node, links open only http(s) with
 * rel=noopener, images load without a referrer. A quick reply or form once answered (by this tab,
 * another tab, or before a reload) shows the answer and takes no other.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { FormContent, Message, QuickRepliesContent, RichAnswer } from '@parley/shared';
import { answerOf, richFallback } from '@parley/shared/rich-answers';
import css from './rich-content.css?inline';
import { adopt } from './adopt-styles.ts';
import { MessageBody } from './message-body.tsx';
import { useStrings } from './strings-context.ts';

export interface RichContentProps {
  /** An agent's message with content; a visitor's answer shows as its text. */
  message: Message;
  /** The conversation so far: where an answer to this message would be. */
  messages: readonly Message[];
  onAnswer?: (body: string, answer: RichAnswer) => void;
}

const styled = new WeakSet<Node>();

/** Only web links open: anything else the schema let through by mistake is shown as text. */
const safeHref = (url: string): string | undefined => {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
};

export function RichContent({ message, messages, onAnswer }: RichContentProps): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      adopt(root, css);
    }
  }, []);
  const content = message.content;
  if (!content || content.type === 'quick_reply_choice' || content.type === 'form_answer')
    return <MessageBody body={message.body} formatted={false} />;
  const answer = answerOf(messages, message.id);
  return (
    <div class="rc" ref={ref}>
      {message.body !== richFallback(content) && <MessageBody body={message.body} formatted />}
      {content.type === 'quick_replies' ? (
        <QuickReplies message={message} content={content} chosen={answer} onAnswer={onAnswer} />
      ) : content.type === 'form' ? (
        <Form message={message} content={content} answer={answer} onAnswer={onAnswer} />
      ) : (
        <div class="rc-box">
          {content.type === 'card' && content.imageUrl && safeHref(content.imageUrl) && (
            <img src={content.imageUrl} alt={content.imageAlt ?? ''} loading="lazy" referrerpolicy="no-referrer" />
          )}
          {content.type === 'card' && <p class="rc-title">{content.title}</p>}
          {content.type === 'card' && content.text && <p class="rc-text">{content.text}</p>}
          <ul class="rc-links">
            {(content.type === 'card'
              ? content.buttons.map((b) => ({ title: b.label, url: b.url, summary: undefined }))
              : content.articles
            ).map((link, i) => (
              <li key={i}>
                <Link url={link.url}>{link.title}</Link>
                {link.summary && <p class="rc-text">{link.summary}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Link({ url, children }: { url: string; children: string }): JSX.Element {
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}

/** Moves the focus to the message box once the buttons pressed are gone from the tab order. */
function focusComposer(from: Element | null): void {
  const root = from?.getRootNode();
  if (root instanceof ShadowRoot || root instanceof Document)
    root.querySelector<HTMLElement>('.composer textarea')?.focus();
}

function QuickReplies(props: {
  message: Message;
  content: QuickRepliesContent;
  chosen: Message | undefined;
  onAnswer: RichContentProps['onAnswer'];
}): JSX.Element {
  const [picked, setPicked] = useState<string | null>(null);
  const stored = props.chosen?.content?.type === 'quick_reply_choice' ? props.chosen.content.optionId : null;
  const choice = stored ?? picked;
  return (
    <div class="rc-choices" role="group" aria-label={richFallback(props.content)}>
      {props.content.options.map((option) => (
        <button
          key={option.id}
          type="button"
          class="rc-choice"
          aria-pressed={choice === option.id}
          disabled={choice !== null || !props.onAnswer}
          onClick={(event) => {
            setPicked(option.id);
            focusComposer(event.currentTarget);
            props.onAnswer?.(option.label, { type: 'quick_reply', messageId: props.message.id, optionId: option.id });
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

const INPUT: Record<FormContent['fields'][number]['kind'], JSX.InputHTMLAttributes<HTMLInputElement>> = {
  text: { type: 'text' },
  email: { type: 'email', autocomplete: 'email', maxLength: 254 },
  number: { type: 'text', inputMode: 'decimal', pattern: '[+\\-]?\\d+([.,]\\d+)?', maxLength: 254 },
  phone: { type: 'tel', autocomplete: 'tel', pattern: '\\+?[\\d\\s().\\-]{5,}', maxLength: 254 },
};

function Form(props: {
  message: Message;
  content: FormContent;
  answer: Message | undefined;
  onAnswer: RichContentProps['onAnswer'];
}): JSX.Element {
  const t = useStrings();
  const [sent, setSent] = useState<Record<string, string> | null>(null);
  const stored = props.answer?.content?.type === 'form_answer' ? props.answer.content.values : null;
  const shown = stored ? Object.fromEntries(stored.map((v) => [v.fieldId, v.value])) : sent;
  const { content } = props;
  return (
    <form
      class="rc-box rc-form"
      aria-label={content.title ?? richFallback(content)}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const typed = (id: string) => {
          const value = data.get(id);
          return typeof value === 'string' ? value.trim() : '';
        };
        const values = Object.fromEntries(content.fields.map((f) => [f.id, typed(f.id)]));
        setSent(values);
        focusComposer(event.currentTarget);
        const body = content.fields.map((f) => `${f.label}: ${values[f.id] ?? ''}`).join('\n');
        props.onAnswer?.(body, { type: 'form', messageId: props.message.id, values });
      }}
    >
      {content.title && <p class="rc-title">{content.title}</p>}
      <fieldset disabled={shown !== null || !props.onAnswer}>
        {content.fields.map((field) => (
          <label key={field.id}>
            {field.label}
            <input
              {...INPUT[field.kind]}
              name={field.id}
              required={field.required}
              maxLength={field.kind === 'text' ? (field.maxLength ?? 200) : 254}
              value={shown?.[field.id]}
              dir="auto"
            />
          </label>
        ))}
        {shown === null && (
          <button type="submit" class="send">
            {content.submitLabel ?? t.send}
          </button>
        )}
      </fieldset>
    </form>
  );
}
