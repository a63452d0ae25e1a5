/**
 * @module Agent sessions: the hash of each sign-in token, until it expires or the agent signs out.
 */
export interface SessionStore {
  create(tokenHash: string, agentId: string, expiresAt: string): Promise<void>;
  find(tokenHash: string): Promise<{ agentId: string; expiresAt: string } | undefined>;
  delete(tokenHash: string): Promise<void>;
  /** Signs the agent out everywhere. */
  deleteForAgent(agentId: string): Promise<void>;
}
