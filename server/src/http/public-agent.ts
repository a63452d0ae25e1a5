/**
 * @module What of an agent record may leave the server.
 */
import type { Agent } from '@parley/shared';
import type { AgentRecord } from '../store/agent-store.ts';

export function toPublicAgent(agent: AgentRecord): Agent {
  return { id: agent.id, email: agent.email, name: agent.name, role: agent.role, capacity: agent.capacity };
}
