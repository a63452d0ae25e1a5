/**
 * @module The one-line summary under the site name: where the visitor stands in the conversation.
 */
import type { Conversation } from '@parley/shared';

export function statusLine(conversation: Conversation | null, queuePosition: number | null): string | null {
  if (!conversation) return null;
  switch (conversation.status) {
    case 'queued':
      return queuePosition === null
        ? 'Waiting for an agent'
        : `Waiting for an agent — you are number ${queuePosition} in the queue`;
    case 'active':
      return `Chatting with ${conversation.agent?.name ?? 'an agent'}`;
    case 'closed':
      return 'This conversation has ended';
    case 'offline':
      return 'Message left: we will reply by email';
  }
}

/** Who the typing indicator names: the assigned agent, when the server told us who that is. */
export function agentName(conversation: Conversation | null): string {
  return conversation?.agent?.name ?? 'Agent';
}
