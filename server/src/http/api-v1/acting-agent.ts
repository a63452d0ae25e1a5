/**
 * @module Who an API write on a conversation acts as: the agent the request names, else the agent the
 * conversation is assigned to. The domain then applies the console's rules to that agent, so the
 * API can do nothing that agent could not do in the console.
 */
import type { Conversation } from '@parley/shared';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError, notFound } from '../../errors.ts';
import type { AgentRecord } from '../../store/agent-store.ts';
import type { Store } from '../../store/store.ts';

export async function actingAgent(
  store: Store,
  conversation: Conversation,
  agentId: string | undefined,
): Promise<AgentRecord> {
  const id = agentId ?? conversation.agent?.id;
  if (id === undefined) {
    throw new ParleyError(ErrorCode.InvalidPayload, 'agentId: this conversation has no agent; name one to act as', {
      issues: [{ path: 'agentId', message: 'required: the conversation has no agent' }],
    });
  }
  const agent = await store.agents.findById(id);
  if (!agent?.active) throw notFound('Agent');
  return agent;
}
