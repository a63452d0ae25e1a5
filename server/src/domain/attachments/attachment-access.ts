/**
 * @module Who may put files into a conversation and see its files: its visitor, its agent (or any
 * agent while it waits in the queue) and admins. Someone else's conversation answers like a missing one.
 */
import { ErrorCode } from '@parley/shared/error-codes';
import type { Conversation } from '@parley/shared';
import { ParleyError, notFound } from '../../errors.ts';
import type { AgentRecord } from '../../store/agent-store.ts';

export type AttachmentActor =
  { kind: 'visitor'; visitorId: string; siteId: string } | { kind: 'agent'; agent: AgentRecord };

export function uploaderOf(actor: AttachmentActor): { kind: 'visitor' | 'agent'; id: string } {
  return actor.kind === 'visitor' ? { kind: 'visitor', id: actor.visitorId } : { kind: 'agent', id: actor.agent.id };
}

/** Throws not_found unless `actor` may see this conversation's files. */
export function assertMaySee(actor: AttachmentActor, conversation: Conversation | undefined): Conversation {
  if (!conversation) throw notFound('Attachment');
  if (actor.kind === 'visitor') {
    if (conversation.visitorId !== actor.visitorId || conversation.siteId !== actor.siteId)
      throw notFound('Attachment');
    return conversation;
  }
  const agent = actor.agent;
  if (agent.role === 'admin' || conversation.agent?.id === agent.id || conversation.status === 'queued')
    return conversation;
  throw notFound('Attachment');
}

/** Agents upload into conversations they hold (admins into any open one). */
export function assertAgentMayUpload(agent: AgentRecord, conversation: Conversation | undefined): Conversation {
  if (!conversation) throw notFound('Conversation');
  const mine = conversation.agent?.id === agent.id;
  if (!mine && agent.role !== 'admin')
    throw new ParleyError(ErrorCode.Forbidden, 'This conversation is not assigned to you');
  if (conversation.status === 'closed')
    throw new ParleyError(ErrorCode.ConversationClosed, 'This conversation is closed');
  return conversation;
}
