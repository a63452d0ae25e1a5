/**
 * @module A load-generator process: holds its share of visitor and agent sockets, runs the load
 * phases the runner asks for, and answers with counts and send→agent latencies. Each message's body
 * is its send time, so whichever process the agent lives in computes the latency on arrival.
 */
import { connectAgent, connectVisitor, conversationOf, type Agent, type Visitor } from './dialects.ts';
import {
  epochNow,
  type Assignment,
  type Command,
  type LoadPhase,
  type LoadResult,
  type StartResult,
} from './protocol.ts';

const visitors: Visitor[] = [];
const agents = new Map<string, Agent>();
/** Conversations each agent holds now (parley), as heard from conversation:assigned. */
const held = new Map<string, string[]>();
const freedAt = new Map<string, number>();
const assignments: Assignment[] = [];

/** The phase being measured: what agents hear is counted against it. */
let measuring: { phase: LoadPhase; delivered: number; latencies: number[] } | undefined;

function onMessage(body: string): void {
  const now = epochNow();
  const sentAt = Number(body);
  if (!measuring || !Number.isFinite(sentAt)) return;
  const { phase } = measuring;
  if (now >= phase.measureFrom && now < phase.measureTo) measuring.delivered++;
  if (sentAt >= phase.measureFrom && sentAt < phase.measureTo) measuring.latencies.push(now - sentAt);
}

function onAssigned(agentKey: string, conversationId: string): void {
  const at = epochNow();
  const freed = freedAt.get(agentKey);
  assignments.push({ agentKey, conversationId, at, ...(freed === undefined ? {} : { freedAt: freed }) });
  freedAt.delete(agentKey);
  held.get(agentKey)?.push(conversationId);
}

/** Connects in bounded batches: thousands of simultaneous handshakes only measure the accept backlog. */
async function inBatches<T, R>(items: T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(each))));
  return results;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - epochNow())));

async function runLoad(phase: LoadPhase): Promise<LoadResult> {
  const counts = { sent: 0, acked: 0, failed: 0 };
  measuring = { phase, delivered: 0, latencies: [] };
  await sleepUntil(phase.startAt);
  const answered = (answer: { ok: boolean } | undefined) => {
    if (answer?.ok) counts.acked++;
    else counts.failed++;
  };
  if (phase.mode === 'closed') {
    const loop = (visitor: Visitor) => {
      if (epochNow() >= phase.stopAt) return;
      counts.sent++;
      visitor.send(String(epochNow()), (answer) => {
        answered(answer);
        loop(visitor);
      });
    };
    for (const visitor of visitors) for (let w = 0; w < phase.window; w++) loop(visitor);
  } else {
    const interval = 1000 / phase.ratePerVisitor;
    for (const visitor of visitors) {
      // a random phase per visitor: the load arrives spread out, not in one burst per interval
      const tick = () => {
        if (epochNow() >= phase.stopAt) return;
        counts.sent++;
        visitor.send(String(epochNow()), answered);
        setTimeout(tick, interval);
      };
      setTimeout(tick, Math.random() * interval);
    }
  }
  // what was sent before the stop still counts when it lands: wait a little for stragglers
  await sleepUntil(phase.stopAt + 2_000);
  const result: LoadResult = { ...counts, deliveredInWindow: measuring.delivered, latencies: measuring.latencies };
  measuring = undefined;
  return result;
}

async function startConversations(): Promise<StartResult> {
  const firstSentAt = epochNow();
  let failed = 0;
  await Promise.all(
    visitors.map(
      (visitor) =>
        new Promise<void>((resolve) =>
          visitor.send('hello', (answer) => {
            if (!conversationOf(answer)) failed++;
            resolve();
          }),
        ),
    ),
  );
  return { firstSentAt, lastAckAt: epochNow(), failed };
}

async function closeOne(): Promise<{ closed: number }> {
  let closed = 0;
  await Promise.all(
    [...agents].map(async ([key, agent]) => {
      const conversationId = held.get(key)?.shift();
      if (!conversationId) return;
      freedAt.set(key, epochNow());
      if ((await agent.close(conversationId)).ok) closed++;
    }),
  );
  return { closed };
}

async function handle(command: Command): Promise<unknown> {
  switch (command.type) {
    case 'connect-visitors': {
      const site = {
        ...(command.siteKey ? { siteKey: command.siteKey } : {}),
        ...(command.origin ? { origin: command.origin } : {}),
      };
      visitors.push(...(await inBatches(command.visitors, 50, (spec) => connectVisitor(command.dialect, spec, site))));
      return { connected: visitors.length };
    }
    case 'connect-agents': {
      await inBatches(command.agents, 50, async (spec) => {
        held.set(spec.key, []);
        const agent = await connectAgent(command.dialect, spec, {
          message: onMessage,
          assigned: (conversationId) => onAssigned(spec.key, conversationId),
        });
        agents.set(spec.key, agent);
      });
      return { connected: agents.size };
    }
    case 'start-conversations':
      return startConversations();
    case 'load':
      return runLoad(command.phase);
    case 'assignments':
      return assignments;
    case 'close-one':
      return closeOne();
    case 'disconnect':
      for (const visitor of visitors) visitor.socket.disconnect();
      for (const agent of agents.values()) agent.socket.disconnect();
      visitors.length = 0;
      agents.clear();
      return {};
  }
}

process.on('message', (message: { id: number; command: Command }) => {
  handle(message.command).then(
    (result) => process.send?.({ id: message.id, ok: true, result }),
    (error: unknown) =>
      process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('SIGTERM', () => process.exit(0));
// the runner is gone (crashed or killed): so are we
process.on('disconnect', () => process.exit(0));
