/**
 * @module Agent sign-in and sessions. The session token goes to the browser in an httpOnly cookie;
 * only its SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { AgentRecord, Store } from '../store/types.ts';
import { decoyHashPromise, verifyPassword } from './passwords.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class AgentAuth {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(store: Store, now: () => Date) {
    this.#store = store;
    this.#now = now;
  }

  async login(email: string, password: string): Promise<{ agent: AgentRecord; token: string; expiresAt: Date }> {
    const agent = await this.#store.agents.findByEmail(email);
    // Verify even for an unknown email, so response time does not reveal which emails exist.
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await decoyHashPromise));
    if (!agent || !ok || !agent.active) {
      throw new ParleyError(ErrorCode.Unauthorized, 'Email or password is not correct');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.#now().getTime() + SESSION_TTL_MS);
    await this.#store.sessions.create(hashToken(token), agent.id, expiresAt.toISOString());
    return { agent, token, expiresAt };
  }

  /** The signed-in agent for a session token, or undefined when it is unknown, expired or deactivated. */
  async authenticate(token: string | undefined): Promise<AgentRecord | undefined> {
    if (!token) return undefined;
    const session = await this.#store.sessions.find(hashToken(token));
    if (!session) return undefined;
    if (session.expiresAt <= this.#now().toISOString()) {
      await this.#store.sessions.delete(hashToken(token));
      return undefined;
    }
    const agent = await this.#store.agents.findById(session.agentId);
    return agent?.active ? agent : undefined;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.#store.sessions.delete(hashToken(token));
  }
}
