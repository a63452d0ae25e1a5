/**
 * @module Rich content in the agent's message log: the quick replies, card, form or article links an
 * agent sent, each with the visitor's answer once there is one (the chosen reply marked, the others
 * shown as no longer available), and a visitor's answer as what they chose or filled in. Text only,
 * links http(s) with rel=noopener.
 */
import type { Message } from '@parley/shared';
import { answerOf, richFallback } from '@parley/shared/rich-answers';
import { MessageText } from './message-text.tsx';

const safeHref = (url: string): string | undefined => {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
};

function Link({ url, children }: { url: string; children: string }) {
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}

export function RichContentView({ message, messages }: { message: Message; messages: readonly Message[] }) {
  const content = message.content;
  if (!content) return null;
  const agent = message.author.kind !== 'visitor';
  const text = message.body !== richFallback(content) && <MessageText body={message.body} formatted={agent} />;
  const answer = answerOf(messages, message.id)?.content;
  switch (content.type) {
    case 'quick_replies': {
      const chosen = answer?.type === 'quick_reply_choice' ? answer.optionId : null;
      return (
        <div class="rich">
          {text}
          <ul class="rich__choices" aria-label="Quick replies">
            {content.options.map((option) => (
              <li
                key={option.id}
                class={`rich__choice${option.id === chosen ? ' rich__choice--chosen' : ''}${chosen && option.id !== chosen ? ' rich__choice--passed' : ''}`}
              >
                {option.label}
                {option.id === chosen && <span class="rich__chosen"> · chosen</span>}
              </li>
            ))}
          </ul>
          <p class="rich__state">{chosen ? 'Answered' : 'Waiting for the visitor’s choice'}</p>
        </div>
      );
    }
    case 'card':
      return (
        <div class="rich">
          {text}
          <div class="rich__box">
            {content.imageUrl && safeHref(content.imageUrl) && (
              <img
                class="rich__image"
                src={content.imageUrl}
                alt={content.imageAlt ?? ''}
                referrerpolicy="no-referrer"
              />
            )}
            <p class="rich__title">{content.title}</p>
            {content.text && <p class="rich__text">{content.text}</p>}
            {content.buttons.length > 0 && (
              <ul class="rich__links">
                {content.buttons.map((button, i) => (
                  <li key={i}>
                    <Link url={button.url}>{button.label}</Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      );
    case 'form':
      return (
        <div class="rich">
          {text}
          <div class="rich__box">
            <p class="rich__title">{content.title ?? 'Form'}</p>
            <ul class="rich__fields">
              {content.fields.map((field) => (
                <li key={field.id}>
                  {field.label}{' '}
                  <span class="rich__muted">
                    ({field.kind}
                    {field.required ? ', required' : ''})
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <p class="rich__state">{answer ? 'Answered' : 'Waiting for the visitor’s answer'}</p>
        </div>
      );
    case 'articles':
      return (
        <div class="rich">
          {text}
          <div class="rich__box">
            <ul class="rich__links">
              {content.articles.map((article, i) => (
                <li key={i}>
                  <Link url={article.url}>{article.title}</Link>
                  {article.summary && <p class="rich__text">{article.summary}</p>}
                </li>
              ))}
            </ul>
          </div>
        </div>
      );
    case 'quick_reply_choice':
      return (
        <div class="rich">
          <p class="message__body">{content.label}</p>
          <p class="rich__state">Quick reply</p>
        </div>
      );
    case 'form_answer':
      return (
        <div class="rich">
          <dl class="rich__box rich__answers">
            {content.values.map((value) => (
              <div key={value.fieldId}>
                <dt>{value.label}</dt>
                <dd>{value.value}</dd>
              </div>
            ))}
          </dl>
          <p class="rich__state">Form answer</p>
        </div>
      );
  }
}
