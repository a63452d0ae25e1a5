/**
 * @module The one-line summary under the site name: where the visitor stands in the conversation.
 */
import type { Conversation } from '@parley/shared';
import { format, type Strings } from '../i18n/locale.ts';

export function statusLine(
  t: Strings,
  conversation: Conversation | null,
  queuePosition: number | null,
  waitSeconds: number | null = null,
): string | null {
  if (!conversation) return null;
  switch (conversation.status) {
    case 'queued':
      return (
        (queuePosition === null ? t.waiting : format(t.queued, { n: queuePosition })) +
        (waitSeconds === null ? '' : ` (${format(t.wait, { n: Math.ceil(waitSeconds / 60) || 1 })})`)
      );
    case 'active':
      return format(t.chattingWith, { name: conversation.agent?.name ?? t.anAgent });
    case 'closed':
      return t.ended;
    // a message left while nobody was online: the composer is there for the next live chat; and
    // the answer bot's messages name it, it needs no line of its own
    case 'offline':
    case 'bot':
      return null;
  }
}

/** Who the typing indicator names: the assigned agent, when the server told us who that is. */
export function agentName(t: Strings, conversation: Conversation | null): string {
  return conversation?.agent?.name ?? t.agent;
}
