/**
 * @module Who a console socket acts for. The handshake signs the agent in; after that, every event
 * looks the session and the agent up again, so a role change, a deactivation, a password reset or
 * a sign-out made anywhere (another tab, another process) applies to the very next event, whether
 * or not the broadcast that closes the socket has arrived yet.
 */
import type { Socket } from 'socket.io';
import { ErrorCode } from '@parley/shared/error-codes';
import type { ClientEventSpec } from '@parley/shared';
import { ParleyError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { AgentAuth } from '../domain/agent-auth.ts';
import { bindHandlersWithContext, type HandlerTable } from './validated-handler.ts';

/** What the handshake leaves on a console socket: who signed in, and with which session (the token's hash). */
export interface AgentSocketData {
  agent: AgentRecord;
  sessionId: string;
}

export interface AgentAccessDeps {
  auth: AgentAuth;
  logger: Logger;
  track?: (work: Promise<void>) => void;
}

/** Binds a table of console events whose handlers get the agent as stored at the moment of each event. */
export function bindAgentHandlers<M extends Record<string, ClientEventSpec>>(
  socket: Socket,
  specs: M,
  table: HandlerTable<M, AgentRecord>,
  deps: AgentAccessDeps,
): void {
  const { agent: signedIn, sessionId } = socket.data as AgentSocketData;
  const current = async (): Promise<AgentRecord> => {
    const agent = await deps.auth.agentOfSession(sessionId);
    if (agent?.id === signedIn.id) return agent;
    // Closed after the refusal is acked (setImmediate runs after the ack's microtasks): the console
    // reconnects, is refused at the handshake and shows sign-in.
    setImmediate(() => socket.disconnect(true));
    throw new ParleyError(ErrorCode.Unauthorized, 'Your session has ended: sign in again');
  };
  bindHandlersWithContext(socket, specs, table, current, deps.logger, deps.track);
}
