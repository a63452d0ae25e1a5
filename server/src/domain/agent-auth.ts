/**
 * @module Agent sign-in and sessions. The session token goes to the browser in an httpOnly cookie;
 * only its SHA-256 is stored (and names the session's sockets, so signing out can close them).
 * Repeated failed sign-ins for one email from one address are throttled, and with SignInBudgets
 * also those of one address and of one email (login-throttle.ts). A password hash made at an older
 * cost is replaced at the agent's next sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode } from '@parley/shared/error-codes';
import { ParleyError } from '../errors.ts';
import type { AgentRecord } from '../store/agent-store.ts';
import type { Store } from '../store/store.ts';
import type { EventSink } from './events.ts';
import { LoginThrottle, type SignInBudgets } from './login-throttle.ts';
import { decoyHashPromise, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** What names a session in the store and its sockets' room: the token's hash, never the token. */
export const sessionIdOfToken = hashToken;

export class AgentAuth {
  readonly #store: Store;
  readonly #now: () => Date;
  readonly #events: EventSink;
  readonly #throttle: LoginThrottle;
  readonly #budgets: SignInBudgets | undefined;

  constructor(deps: { store: Store; now: () => Date; events: EventSink; budgets?: SignInBudgets }) {
    this.#store = deps.store;
    this.#now = deps.now;
    this.#events = deps.events;
    this.#throttle = new LoginThrottle(deps.now);
    this.#budgets = deps.budgets;
  }

  /** `from`: the client's address; failures are counted per email and address. */
  async login(
    email: string,
    password: string,
    from: string,
  ): Promise<{ agent: AgentRecord; token: string; expiresAt: Date }> {
    const account = email.trim().toLowerCase();
    const attempt = `${account}\n${from}`;
    // checked before the password: a refused attempt costs no scrypt run
    const waitMs = Math.max(
      this.#throttle.retryAfterSeconds(attempt) * 1000,
      (await this.#budgets?.waitMs(account, from)) ?? 0,
    );
    if (waitMs > 0) {
      throw new ParleyError(
        ErrorCode.RateLimited,
        `Too many failed sign-ins: try again in ${Math.ceil(waitMs / 60_000)} min`,
        { retryAfterMs: waitMs },
      );
    }
    const agent = await this.#store.agents.findByEmail(email);
    // Verify even for an unknown email, so response time does not reveal which emails exist.
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await decoyHashPromise));
    if (!agent || !ok || !agent.active) {
      this.#throttle.failed(attempt);
      await this.#budgets?.failed(account, from);
      throw new ParleyError(ErrorCode.Unauthorized, 'Email or password is not correct');
    }
    this.#throttle.succeeded(attempt);
    await this.#budgets?.succeeded(account, from);
    // made at an older cost: the password is known right now, so store it at the current one
    if (needsRehash(agent.passwordHash)) {
      await this.#store.agents.update(agent.id, { passwordHash: await hashPassword(password) });
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.#now().getTime() + SESSION_TTL_MS);
    await this.#store.sessions.create(hashToken(token), agent.id, expiresAt.toISOString());
    return { agent, token, expiresAt };
  }

  /** The signed-in agent for a session token, or undefined when it is unknown, expired or deactivated. */
  async authenticate(token: string | undefined): Promise<AgentRecord | undefined> {
    return token ? this.agentOfSession(hashToken(token)) : undefined;
  }

  /**
   * The agent as stored now for a session named by its id (sessionIdOf), or undefined when the
   * session ended (signed out, password reset, expired) or the agent was deactivated. Console
   * sockets ask this before every event, so a change made anywhere applies to the next one.
   */
  async agentOfSession(sessionId: string): Promise<AgentRecord | undefined> {
    const session = await this.#store.sessions.find(sessionId);
    if (!session) return undefined;
    if (session.expiresAt <= this.#now().toISOString()) {
      await this.#store.sessions.delete(sessionId);
      return undefined;
    }
    const agent = await this.#store.agents.findById(session.agentId);
    return agent?.active ? agent : undefined;
  }

  /** What names a session's sockets: the token's hash, never the token. */
  sessionIdOf(token: string): string {
    return hashToken(token);
  }

  /** Ends the session, and with it every console socket it opened (other tabs of that browser). */
  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.#store.sessions.delete(hashToken(token));
    this.#events.publish({ type: 'agent.session-ended', sessionId: hashToken(token) });
  }
}
