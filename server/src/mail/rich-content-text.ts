/**
 * @module A message as mail text when it carries rich content: quick replies as a list, a card as
 * its title, text and links, a form as a request to answer in the chat, article links as a list.
 * Text only: mail-body.ts escapes it for the HTML part like any other text, so content never
 * becomes markup, and links stay visible addresses the reader can check.
 */
import type { Message, OfferContent } from '@parley/shared';
import { richFallback } from '@parley/shared/rich-answers';

function contentText(content: OfferContent): string[] {
  switch (content.type) {
    case 'quick_replies':
      return ['Choices (answer in the chat):', ...content.options.map((option) => `• ${option.label}`)];
    case 'card':
      return [
        content.title,
        ...(content.text ? [content.text] : []),
        ...content.buttons.map((button) => `${button.label}: ${button.url}`),
      ];
    case 'form':
      return [
        `${content.title ?? 'A short form'}: ${content.fields.map((field) => field.label).join(', ')}`,
        '(Answer in the chat.)',
      ];
    case 'articles':
      return content.articles.flatMap((article) => [
        `• ${article.title}: ${article.url}`,
        ...(article.summary ? [`  ${article.summary}`] : []),
      ]);
  }
}

/** The text a mail shows for `message`: its body, and what its content offers. */
export function mailTextOf(message: Message): string {
  const content = message.content;
  // no content, or a visitor's answer, whose body already says what they chose or filled in
  if (!content || content.type === 'quick_reply_choice' || content.type === 'form_answer') return message.body;
  const lines = contentText(content);
  // a body the sender did not write (the content's own fallback) would only repeat it
  return message.body === richFallback(content) ? lines.join('\n') : [message.body, ...lines].join('\n');
}
