/**
 * @module What the runner asks a load-generator process to do, and what it answers. Two wire
 * dialects: `bare` (the relay baseline: rooms, `msg`) and `parley` (the widget's and the
 * console's real events).
 */
export type Dialect = 'bare' | 'parley';

export interface VisitorSpec {
  key: string;
  url: string;
  /** bare: the room of this visitor's pair. */
  room?: string;
}

export interface AgentSpec {
  key: string;
  url: string;
  /** parley: the signed-in session cookie. */
  cookie?: string;
  /** bare: the rooms of this agent's pairs. */
  rooms?: string[];
}

export interface LoadPhase {
  mode: 'closed' | 'open';
  /** closed: messages each visitor keeps in flight. */
  window: number;
  /** open: messages per second each visitor sends, whatever the answers. */
  ratePerVisitor: number;
  /** Epoch milliseconds: sending starts, measuring starts and ends, sending stops. */
  startAt: number;
  measureFrom: number;
  measureTo: number;
  stopAt: number;
}

export type Command =
  | { type: 'connect-visitors'; dialect: Dialect; visitors: VisitorSpec[]; siteKey?: string; origin?: string }
  | { type: 'connect-agents'; dialect: Dialect; agents: AgentSpec[] }
  /** parley: every visitor sends its first message at once; answers when all are acked. */
  | { type: 'start-conversations' }
  | { type: 'load'; phase: LoadPhase }
  | { type: 'assignments' }
  /** parley: each agent here closes one of its conversations. */
  | { type: 'close-one' }
  | { type: 'disconnect' };

export interface Assignment {
  agentKey: string;
  conversationId: string;
  /** Epoch ms the agent heard it. */
  at: number;
  /** Epoch ms this agent last freed a seat before hearing it, if it did. */
  freedAt?: number;
}

export interface StartResult {
  /** Epoch ms of the first send and of the last ack. */
  firstSentAt: number;
  lastAckAt: number;
  failed: number;
}

export interface LoadResult {
  sent: number;
  acked: number;
  failed: number;
  /** Messages agents received during [measureFrom, measureTo). */
  deliveredInWindow: number;
  /** Send→agent latencies (ms) of messages sent during [measureFrom, measureTo). */
  latencies: number[];
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** The clock every process agrees on (to well under a millisecond on one machine). */
export const epochNow = (): number => performance.timeOrigin + performance.now();
