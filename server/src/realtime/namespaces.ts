/**
 * @module The two Socket.IO namespaces, each typed with its own event maps from @parley/shared.
 * Socket.IO types every namespace of a Server with the Server's one pair of maps; ours differ per
 * namespace, so this is the one place that says which maps a namespace carries.
 */
import type { Namespace, Server } from 'socket.io';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientToServer,
  type AgentServerToClient,
  type VisitorClientToServer,
  type VisitorServerToClient,
} from '@parley/shared';

export type VisitorNamespace = Namespace<VisitorClientToServer, VisitorServerToClient>;
export type AgentNamespace = Namespace<AgentClientToServer, AgentServerToClient>;

export const visitorNamespace = (io: Server): VisitorNamespace => io.of(VISITOR_NAMESPACE) as VisitorNamespace;
export const agentNamespace = (io: Server): AgentNamespace => io.of(AGENT_NAMESPACE) as AgentNamespace;
